#pragma once
/// A building's own vibration in an earthquake: what its floors do, and so what the furniture
/// on them feels. The building is a shear building of equal storeys (equal floor masses, equal
/// storey stiffnesses, fixed at its base; Chopra, "Dynamics of Structures", ch. 9-13) with
/// classical modal damping, driven by the ground's horizontal acceleration, each horizontal
/// direction on its own while elastic (yielding storeys couple them). Every mode is an
/// oscillator integrated exactly for a ground acceleration that is linear over a step (Nigam &
/// Jennings 1969; Chopra sec. 5.2), so the step may be as long as the record's.
///
/// For N storeys the modes are closed-form: floor j (1..N) moves as sin(j theta_n),
/// theta_n = (2n - 1) pi / (2N + 1), at omega_n = 2 sqrt(k/m) sin(theta_n / 2); k/m is set so the
/// first mode has the fundamental period.
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "core/result.h"

namespace cd::physics {

struct BuildingSwayDef {
    float baseZM = 0.0f;          ///< the ground floor's level
    int storeys = 1;              ///< 1..100
    float storeyHeightM = 3.5f;   ///< floor to floor
    /// Fundamental period; 0 = ASCE/SEI 7-16 eq. 12.8-7's approximate period (approximatePeriodS).
    float periodS = 0.0f;
    float dampingRatio = 0.05f;   ///< of every mode, (0, 0.5]
    /// 0: elastic. > 0: the storeys yield, elastic-perfectly-plastic with one strength in every
    /// horizontal direction (the storey shear's vector stays inside a circle): the first storey's yield
    /// shear over the building's weight (a base shear coefficient), the storeys above in the
    /// proportion of ASCE/SEI 7-16's vertical distribution of the base shear (eq. 12.8-11 and
    /// 12.8-12, k from the period), as a building designed to the code has them. [0.02, 2].
    float yieldCoefficient = 0.0f;
    /// With yielding storeys: the weight above each storey leans on it as it drifts (P-delta:
    /// the geometric stiffness -P/h; ASCE/SEI 7-16 sec. 12.8.7), so a yielded
    /// storey's resistance falls as it drifts and reaches nothing at
    /// d_c = V_y h / P: there the storey can no longer hold the building up sideways and fails.
    /// false: the storeys carry no gravity (the textbook oscillator, for checks against it).
    bool pDelta = true;
};

class BuildingSway {
public:
    /// Errors name source and the field ("storeys", "storeyHeightM", "periodS", "dampingRatio").
    static Result<BuildingSway> create(const BuildingSwayDef& def, const std::string& source);
    /// ASCE/SEI 7-16 eq. 12.8-7 with Table 12.8-2's "all other structural systems" (masonry and
    /// concrete walls, as the district's buildings): T_a = 0.0488 h^0.75 (h in m).
    static float approximatePeriodS(float heightM);

    int storeys() const { return storeys_; }
    float storeyHeightM() const { return storeyHeightM_; }
    float baseZM() const { return baseZM_; }
    /// mode 1..storeys
    double periodS(int mode) const;
    /// Floor j's share of mode n (j, n in 1..storeys; the roof is j = storeys), unscaled.
    double modeShape(int mode, int floor) const;
    /// Gamma_n = (phi^T M 1) / (phi^T M phi).
    double participation(int mode) const;

    /// Back to rest.
    void reset();
    /// Advances dtS, the ground's horizontal acceleration going linearly from the last value
    /// given (zero after reset) to groundMS2.
    void step(const glm::vec2& groundMS2, double dtS);
    /// Floor j's absolute horizontal acceleration (j = 0: the ground; clamped to 0..storeys).
    glm::vec2 floorAccelerationMS2(int floor) const;
    /// Storey s's drift, the displacement of the floor over it relative to the floor under it
    /// (s in 1..storeys, clamped).
    glm::vec2 storeyDriftM(int storey) const;
    /// Floor j's displacement relative to the ground.
    glm::vec2 floorDisplacementM(int floor) const;
    /// The floor under a point at height zM: below the first floor, the ground; above the roof,
    /// the roof.
    int floorAt(float zM) const;
    /// Storey s's shear over the weight it carries (s in 1..storeys, between floors s - 1 and s;
    /// clamped): the storey shear V_s = sum over floors j >= s of m a_j (Chopra sec. 9.2) over
    /// the (N - s + 1) m above it, i.e. the mean absolute acceleration of floors s..N. What the
    /// storey's walls and columns pass down sideways per unit of the weight they carry.
    glm::vec2 storeyShearAccelerationMS2(int storey) const;
    /// What deforms storey s's walls and slabs, per unit of the weight it carries: while elastic
    /// its storey shear (storeyShearAccelerationMS2); once its storeys can yield, the shear its
    /// drift would take were it elastic, k (u_s - u_{s-1}) / ((N - s + 1) m). A yielded storey
    /// carries no more than its strength but keeps deforming, and its walls are damaged by the
    /// deformation, not by the force it can still pass down.
    glm::vec2 storeyDemandMS2(int storey) const;
    /// The storey a point at height zM is in: 1 up to the first floor's level, the top storey
    /// from the roof's storey up (a point on floor j's level belongs to storey j, under it).
    int storeyAt(float zM) const;
    /// Every floor within 0.005 m/s^2 of the ground's acceleration and moving under 0.1 mm/s.
    bool atRest() const;

    /// Storey s's greatest drift so far (the drift vector's length, since reset), m, elastic or
    /// yielding; at the end of each step (or sub-step, yielding). 0 outside 1..storeys.
    double peakDriftM(int storey) const;

    /// Yielding storeys (BuildingSwayDef::yieldCoefficient > 0).
    bool yields() const { return inelastic_; }
    /// Storey s's yield drift (its yield shear over its stiffness), m; 0 when elastic.
    double yieldDriftM(int storey) const;
    /// Storey s's greatest drift so far (the drift vector's length, since reset) over its yield
    /// drift: its ductility demand (> 1: it has yielded). 0 when elastic.
    double ductility(int storey) const;
    /// Storey s's plastic (permanent) drift now, m: what is left when the building comes to rest.
    glm::vec2 plasticDriftM(int storey) const;
    /// With P-delta: storey s's drift at which its resistance is gone, V_y h / P (m; 0 without).
    double collapseDriftM(int storey) const;
    /// The first storey whose drift reached its collapse drift (1..storeys), 0 none. From then
    /// on the building no longer sways: its floors stay where they were.
    int failedStorey() const { return failedStorey_; }

private:
    struct Mode {
        double omega = 0.0, gamma = 0.0;
        std::vector<double> shape;  ///< floors 1..N
        glm::dvec2 q{0.0}, qd{0.0};
        // Exact piecewise-linear recurrence for the last dt (Chopra Table 5.2.1).
        double a = 0, b = 0, c = 0, d = 0, ap = 0, bp = 0, cp = 0, dp = 0;
    };
    int storeys_ = 1;
    float storeyHeightM_ = 3.5f, baseZM_ = 0.0f;
    double zeta_ = 0.05, coefDtS_ = -1.0;
    glm::dvec2 ground_{0.0};
    std::vector<Mode> modes_;
    void setCoefficients(double dtS);
    glm::dvec2 modalAcceleration(const Mode& m) const;

    // Yielding storeys: the floors' motion relative to the ground integrated directly (per unit
    // floor mass), both directions together, by velocity Verlet in sub-steps of at most a tenth
    // of the highest mode's period and a hundredth of the first's; classical damping from the
    // elastic modes (Chopra sec. 11.4).
    bool inelastic_ = false;
    double kOverM_ = 0.0;             ///< storey stiffness over floor mass, 1/s^2
    std::vector<double> yieldForce_;  ///< storey s - 1's yield shear per unit floor mass, m/s^2
    std::vector<double> damping_;     ///< N x N, per unit floor mass, 1/s
    double maxSubStepS_ = 0.0;
    std::vector<double> leanOverH_;   ///< storey s - 1's weight above per unit floor mass over h, g (N - s + 1) / h; 0 without P-delta
    int failedStorey_ = 0;
    std::vector<glm::dvec2> u_, v_, a_;  ///< floors 1..N (index j - 1), relative to the ground
    std::vector<glm::dvec2> plastic_;    ///< storeys 1..N (index s - 1)
    std::vector<double> peakDrift_;      ///< storeys 1..N, the greatest |drift| (vector length)
    std::vector<glm::dvec2> forceScratch_, halfScratch_;
    void makeInelastic(double yieldCoefficient, double kOverM, double periodS, bool pDelta);
    void stepInelastic(const glm::dvec2& g1, double dtS);
    void inelasticAccelerations(const glm::dvec2& ground);
};

}  // namespace cd::physics
