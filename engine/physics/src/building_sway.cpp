#include "physics/building_sway.h"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

namespace cd::physics {
namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kGravity = 9.81;
}

float BuildingSway::approximatePeriodS(float heightM) {
    return 0.0488f * std::pow(std::max(heightM, 0.0f), 0.75f);
}

Result<BuildingSway> BuildingSway::create(const BuildingSwayDef& def, const std::string& source) {
    if (def.storeys < 1 || def.storeys > 100) return makeError("must be in [1, 100]", source, 0, "storeys");
    if (!(def.storeyHeightM >= 1.0f && def.storeyHeightM <= 20.0f))
        return makeError("must be in [1, 20] m", source, 0, "storeyHeightM");
    if (!std::isfinite(def.baseZM)) return makeError("must be finite", source, 0, "baseZM");
    const float period = def.periodS == 0.0f ? approximatePeriodS(def.storeys * def.storeyHeightM) : def.periodS;
    if (!(period >= 0.02f && period <= 20.0f))
        return makeError("must be 0 (ASCE 7's approximate period) or in [0.02, 20] s", source, 0, "periodS");
    if (!(def.dampingRatio > 0.0f && def.dampingRatio <= 0.5f))
        return makeError("must be in (0, 0.5]", source, 0, "dampingRatio");

    BuildingSway s;
    s.storeys_ = def.storeys;
    s.storeyHeightM_ = def.storeyHeightM;
    s.baseZM_ = def.baseZM;
    s.zeta_ = def.dampingRatio;
    const int n = def.storeys;
    // omega_n = 2 sqrt(k/m) sin(theta_n / 2): sqrt(k/m) from the first mode's period.
    const double theta1 = kPi / (2.0 * n + 1.0);
    const double rootKOverM = (2.0 * kPi / period) / (2.0 * std::sin(theta1 / 2.0));
    s.modes_.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        Mode& m = s.modes_[static_cast<std::size_t>(i)];
        const double theta = (2.0 * i + 1.0) * kPi / (2.0 * n + 1.0);
        m.omega = 2.0 * rootKOverM * std::sin(theta / 2.0);
        m.shape.resize(static_cast<std::size_t>(n));
        double sum = 0.0, sumSq = 0.0;
        for (int j = 1; j <= n; ++j) {
            const double phi = std::sin(j * theta);
            m.shape[static_cast<std::size_t>(j - 1)] = phi;
            sum += phi;
            sumSq += phi * phi;
        }
        m.gamma = sum / sumSq;  // equal floor masses
    }
    s.peakDrift_.assign(static_cast<std::size_t>(n), 0.0);
    if (def.yieldCoefficient != 0.0f) {
        if (!(def.yieldCoefficient >= 0.02f && def.yieldCoefficient <= 2.0f))
            return makeError("must be 0 (elastic) or in [0.02, 2] (the first storey's yield shear over the weight)", source, 0,
                             "yieldCoefficient");
        s.makeInelastic(def.yieldCoefficient, rootKOverM * rootKOverM, period, def.pDelta);
    }
    return s;
}

// The storeys' strengths: the base shear C_y W spread up the building as ASCE/SEI 7-16 spreads
// the design base shear (sec. 12.8.3): F_x = C_vx V, C_vx = w_x h_x^k / sum w_i h_i^k, k = 1 for
// T <= 0.5 s, 2 for T >= 2.5 s, linear between; storey s carries the forces of the floors it
// holds up. Damping: the elastic modes' classical damping matrix, C = M (sum over n of
// 2 zeta omega_n phi_n phi_n^T / (phi_n^T M phi_n)) M (Chopra sec. 11.4), kept while the storeys
// yield (damping proportional to the initial stiffness's modes, as Chopra's inelastic examples).
void BuildingSway::makeInelastic(double yieldCoefficient, double kOverM, double periodS, bool pDelta) {
    const int n = storeys_;
    const auto un = static_cast<std::size_t>(n);
    inelastic_ = true;
    kOverM_ = kOverM;
    const double k = std::clamp(1.0 + (periodS - 0.5) / 2.0, 1.0, 2.0);
    std::vector<double> w(un);
    double total = 0.0;
    for (int x = 1; x <= n; ++x) total += w[static_cast<std::size_t>(x - 1)] = std::pow(static_cast<double>(x), k);
    yieldForce_.assign(un, 0.0);
    double above = 0.0;
    for (int st = n; st >= 1; --st) {
        above += w[static_cast<std::size_t>(st - 1)];
        yieldForce_[static_cast<std::size_t>(st - 1)] = yieldCoefficient * kGravity * n * above / total;
    }
    leanOverH_.assign(un, 0.0);
    if (pDelta)
        for (int st = 1; st <= n; ++st) leanOverH_[static_cast<std::size_t>(st - 1)] = kGravity * (n - st + 1) / storeyHeightM_;
    damping_.assign(un * un, 0.0);
    for (const Mode& m : modes_) {
        double norm = 0.0;
        for (double phi : m.shape) norm += phi * phi;
        for (std::size_t j = 0; j < un; ++j)
            for (std::size_t l = 0; l < un; ++l) damping_[j * un + l] += 2.0 * zeta_ * m.omega * m.shape[j] * m.shape[l] / norm;
    }
    // Velocity Verlet is stable below omega dt = 2; a tenth of the highest mode's period keeps
    // it well inside, and a hundredth of the first's keeps the fundamental's period error under
    // 0.1 % ((omega dt)^2 / 24).
    maxSubStepS_ = std::min(0.1 * this->periodS(n), 0.01 * this->periodS(1));
    u_.assign(un, glm::dvec2(0.0));
    v_ = a_ = u_;
    plastic_ = u_;
}

double BuildingSway::periodS(int mode) const {
    if (mode < 1 || mode > storeys_) return 0.0;
    return 2.0 * kPi / modes_[static_cast<std::size_t>(mode - 1)].omega;
}

double BuildingSway::modeShape(int mode, int floor) const {
    if (mode < 1 || mode > storeys_ || floor < 1 || floor > storeys_) return 0.0;
    return modes_[static_cast<std::size_t>(mode - 1)].shape[static_cast<std::size_t>(floor - 1)];
}

double BuildingSway::participation(int mode) const {
    if (mode < 1 || mode > storeys_) return 0.0;
    return modes_[static_cast<std::size_t>(mode - 1)].gamma;
}

void BuildingSway::reset() {
    ground_ = glm::dvec2(0.0);
    for (Mode& m : modes_) m.q = m.qd = glm::dvec2(0.0);
    std::fill(peakDrift_.begin(), peakDrift_.end(), 0.0);
    if (inelastic_) {
        for (auto* vec : {&u_, &v_, &a_, &plastic_}) std::fill(vec->begin(), vec->end(), glm::dvec2(0.0));
        failedStorey_ = 0;
    }
}

// Chopra, "Dynamics of Structures", Table 5.2.1: the exact response of a damped oscillator to
// an excitation linear over the step, per unit mass (k = omega^2, the excitation an acceleration).
void BuildingSway::setCoefficients(double dt) {
    coefDtS_ = dt;
    const double z = zeta_, r = std::sqrt(1.0 - z * z);
    for (Mode& m : modes_) {
        const double w = m.omega, wd = w * r, k = w * w;
        const double e = std::exp(-z * w * dt), s = std::sin(wd * dt), c = std::cos(wd * dt);
        m.a = e * (z / r * s + c);
        m.b = e * s / wd;
        m.c = (2.0 * z / (w * dt) + e * (((1.0 - 2.0 * z * z) / (wd * dt) - z / r) * s - (1.0 + 2.0 * z / (w * dt)) * c)) / k;
        m.d = (1.0 - 2.0 * z / (w * dt) + e * ((2.0 * z * z - 1.0) / (wd * dt) * s + 2.0 * z / (w * dt) * c)) / k;
        m.ap = -e * w / r * s;
        m.bp = e * (c - z / r * s);
        m.cp = (-1.0 / dt + e * ((w / r + z / (dt * r)) * s + c / dt)) / k;
        m.dp = (1.0 - e * (z / r * s + c)) / (k * dt);
    }
}

void BuildingSway::step(const glm::vec2& groundMS2, double dtS) {
    if (!(dtS > 0.0)) return;
    const glm::dvec2 g1(groundMS2);
    if (inelastic_) {
        stepInelastic(g1, dtS);
        return;
    }
    if (dtS != coefDtS_) setCoefficients(dtS);
    for (Mode& m : modes_) {
        // q'' + 2 zeta w q' + w^2 q = -Gamma a_g
        const glm::dvec2 p0 = -m.gamma * ground_, p1 = -m.gamma * g1;
        const glm::dvec2 q = m.a * m.q + m.b * m.qd + m.c * p0 + m.d * p1;
        m.qd = m.ap * m.q + m.bp * m.qd + m.cp * p0 + m.dp * p1;
        m.q = q;
    }
    ground_ = g1;
    for (int st = 1; st <= storeys_; ++st) {
        double& peak = peakDrift_[static_cast<std::size_t>(st - 1)];
        peak = std::max(peak, static_cast<double>(glm::length(storeyDriftM(st))));
    }
}

// The storeys' forces at the floors' present drifts, then the floors' accelerations relative to
// the ground: a_j = -a_g - (f_j - f_{j+1}) - sum_l c_jl v_l. A storey is elastic-perfectly-plastic
// in the plane with one strength in every direction: its shear vector stays inside the circle
// |F| <= F_y (the biaxial interaction of Nigam, "Inelastic interactions in the dynamic response
// of structures", Caltech EERL 1967, for a storey of equal strength both ways). Beyond it the
// trial force k (d - d_p) is brought back to the circle along its own direction and the plastic
// drift moves with it (radial return, Simo & Hughes, "Computational Inelasticity" (1998) sec.
// 2.3: exact for this law within a step). Along one axis it is the one-dimensional law.
void BuildingSway::inelasticAccelerations(const glm::dvec2& ground) {
    const auto un = static_cast<std::size_t>(storeys_);
    std::vector<glm::dvec2>& f = forceScratch_;
    f.assign(un + 1, glm::dvec2(0.0));
    for (std::size_t st = 0; st < un; ++st) {
        const glm::dvec2 drift = u_[st] - (st > 0 ? u_[st - 1] : glm::dvec2(0.0));
        const double fy = yieldForce_[st];
        glm::dvec2 force = kOverM_ * (drift - plastic_[st]);
        const double trial = glm::length(force);
        if (trial > fy) {
            force *= fy / trial;
            plastic_[st] = drift - force / kOverM_;
        }
        // The weight above leaning on the drifted storey (P-delta) pushes it on.
        f[st] = force - leanOverH_[st] * drift;
        const double reach = glm::length(drift);
        peakDrift_[st] = std::max(peakDrift_[st], reach);
        if (failedStorey_ == 0 && leanOverH_[st] > 0.0 && reach >= fy / leanOverH_[st]) failedStorey_ = static_cast<int>(st) + 1;
    }
    for (std::size_t j = 0; j < un; ++j) {
        glm::dvec2 damp(0.0);
        for (std::size_t l = 0; l < un; ++l) damp += damping_[j * un + l] * v_[l];
        a_[j] = -ground - (f[j] - f[j + 1]) - damp;
    }
}

void BuildingSway::stepInelastic(const glm::dvec2& g1, double dtS) {
    if (failedStorey_ > 0) {  // failed: the floors stay where they were
        for (std::size_t j = 0; j < v_.size(); ++j) v_[j] = a_[j] = glm::dvec2(0.0);
        ground_ = g1;
        return;
    }
    const int subSteps = std::max(1, static_cast<int>(std::ceil(dtS / maxSubStepS_ - 1e-9)));
    const double h = dtS / subSteps;
    const glm::dvec2 g0 = ground_;
    for (int i = 1; i <= subSteps; ++i) {
        const glm::dvec2 g = g0 + (g1 - g0) * (static_cast<double>(i) / subSteps);
        std::vector<glm::dvec2>& half = halfScratch_;
        half.resize(v_.size());
        for (std::size_t j = 0; j < v_.size(); ++j) {
            half[j] = v_[j] + 0.5 * h * a_[j];
            u_[j] += h * half[j];
            v_[j] = half[j] + 0.5 * h * a_[j];  // predicted, for the damping force
        }
        inelasticAccelerations(g);
        for (std::size_t j = 0; j < v_.size(); ++j) v_[j] = half[j] + 0.5 * h * a_[j];
    }
    ground_ = g1;
}

double BuildingSway::yieldDriftM(int storey) const {
    if (!inelastic_ || storey < 1 || storey > storeys_) return 0.0;
    return yieldForce_[static_cast<std::size_t>(storey - 1)] / kOverM_;
}

double BuildingSway::collapseDriftM(int storey) const {
    if (!inelastic_ || storey < 1 || storey > storeys_) return 0.0;
    const double lean = leanOverH_[static_cast<std::size_t>(storey - 1)];
    return lean > 0.0 ? yieldForce_[static_cast<std::size_t>(storey - 1)] / lean : 0.0;
}

double BuildingSway::peakDriftM(int storey) const {
    if (storey < 1 || storey > storeys_) return 0.0;
    return peakDrift_[static_cast<std::size_t>(storey - 1)];
}

double BuildingSway::ductility(int storey) const {
    if (!inelastic_ || storey < 1 || storey > storeys_) return 0.0;
    return peakDrift_[static_cast<std::size_t>(storey - 1)] / yieldDriftM(storey);
}

glm::vec2 BuildingSway::plasticDriftM(int storey) const {
    if (!inelastic_ || storey < 1 || storey > storeys_) return glm::vec2(0.0f);
    return glm::vec2(plastic_[static_cast<std::size_t>(storey - 1)]);
}

glm::dvec2 BuildingSway::modalAcceleration(const Mode& m) const {
    return -m.gamma * ground_ - 2.0 * zeta_ * m.omega * m.qd - m.omega * m.omega * m.q;
}

glm::vec2 BuildingSway::floorAccelerationMS2(int floor) const {
    floor = std::clamp(floor, 0, storeys_);
    glm::dvec2 a = ground_;
    if (floor > 0 && inelastic_) return glm::vec2(a + a_[static_cast<std::size_t>(floor - 1)]);
    if (floor > 0)
        for (const Mode& m : modes_) a += m.shape[static_cast<std::size_t>(floor - 1)] * modalAcceleration(m);
    return glm::vec2(a);
}

glm::vec2 BuildingSway::storeyShearAccelerationMS2(int storey) const {
    storey = std::clamp(storey, 1, storeys_);
    glm::dvec2 sum(0.0);
    for (int j = storey; j <= storeys_; ++j) sum += glm::dvec2(floorAccelerationMS2(j));
    return glm::vec2(sum / static_cast<double>(storeys_ - storey + 1));
}

glm::vec2 BuildingSway::storeyDemandMS2(int storey) const {
    if (!inelastic_) return storeyShearAccelerationMS2(storey);
    storey = std::clamp(storey, 1, storeys_);
    return glm::vec2(-kOverM_ * glm::dvec2(storeyDriftM(storey)) / static_cast<double>(storeys_ - storey + 1));
}

glm::vec2 BuildingSway::storeyDriftM(int storey) const {
    storey = std::clamp(storey, 1, storeys_);
    return floorDisplacementM(storey) - floorDisplacementM(storey - 1);
}

glm::vec2 BuildingSway::floorDisplacementM(int floor) const {
    floor = std::clamp(floor, 0, storeys_);
    glm::dvec2 u(0.0);
    if (floor > 0 && inelastic_) return glm::vec2(u_[static_cast<std::size_t>(floor - 1)]);
    if (floor > 0)
        for (const Mode& m : modes_) u += m.shape[static_cast<std::size_t>(floor - 1)] * m.q;
    return glm::vec2(u);
}

bool BuildingSway::atRest() const {
    if (inelastic_) {
        for (std::size_t j = 0; j < a_.size(); ++j)
            if (std::max(std::fabs(a_[j].x), std::fabs(a_[j].y)) > 0.005 || std::max(std::fabs(v_[j].x), std::fabs(v_[j].y)) > 1e-4)
                return false;
        return true;
    }
    for (int j = 1; j <= storeys_; ++j) {
        glm::dvec2 a(0.0), v(0.0);
        for (const Mode& m : modes_) {
            a += m.shape[static_cast<std::size_t>(j - 1)] * modalAcceleration(m);
            v += m.shape[static_cast<std::size_t>(j - 1)] * m.qd;
        }
        if (std::max(std::fabs(a.x), std::fabs(a.y)) > 0.005 || std::max(std::fabs(v.x), std::fabs(v.y)) > 1e-4) return false;
    }
    return true;
}

int BuildingSway::floorAt(float zM) const {
    const float f = std::floor((zM - baseZM_) / storeyHeightM_);
    return std::isfinite(f) ? static_cast<int>(std::clamp(f, 0.0f, static_cast<float>(storeys_))) : 0;
}

int BuildingSway::storeyAt(float zM) const {
    const float s = std::ceil((zM - baseZM_) / storeyHeightM_);
    return std::isfinite(s) ? static_cast<int>(std::clamp(s, 1.0f, static_cast<float>(storeys_))) : 1;
}

}  // namespace cd::physics
