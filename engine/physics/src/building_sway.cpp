#include "physics/building_sway.h"

#include <algorithm>
#include <cmath>

namespace cd::physics {
namespace {
constexpr double kPi = 3.14159265358979323846;
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
    return s;
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
    if (dtS != coefDtS_) setCoefficients(dtS);
    const glm::dvec2 g1(groundMS2);
    for (Mode& m : modes_) {
        // q'' + 2 zeta w q' + w^2 q = -Gamma a_g
        const glm::dvec2 p0 = -m.gamma * ground_, p1 = -m.gamma * g1;
        const glm::dvec2 q = m.a * m.q + m.b * m.qd + m.c * p0 + m.d * p1;
        m.qd = m.ap * m.q + m.bp * m.qd + m.cp * p0 + m.dp * p1;
        m.q = q;
    }
    ground_ = g1;
}

glm::dvec2 BuildingSway::modalAcceleration(const Mode& m) const {
    return -m.gamma * ground_ - 2.0 * zeta_ * m.omega * m.qd - m.omega * m.omega * m.q;
}

glm::vec2 BuildingSway::floorAccelerationMS2(int floor) const {
    floor = std::clamp(floor, 0, storeys_);
    glm::dvec2 a = ground_;
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

glm::vec2 BuildingSway::floorDisplacementM(int floor) const {
    floor = std::clamp(floor, 0, storeys_);
    glm::dvec2 u(0.0);
    if (floor > 0)
        for (const Mode& m : modes_) u += m.shape[static_cast<std::size_t>(floor - 1)] * m.q;
    return glm::vec2(u);
}

bool BuildingSway::atRest() const {
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
