#pragma once
// How strongly a person feels the ground shake, as the JMA instrumental seismic intensity over
// the last few seconds. Source: Japan Meteorological Agency (1996) instrumental intensity: a0 is
// the acceleration of the vector sum of the three components that is reached or exceeded for a
// total of 0.3 s, and I = 2 log10(a0 [gal]) + 0.94. The JMA class descriptions then say what
// people can do: 5 upper (I 5.0-5.5) "difficult to walk without holding onto something", 6 lower
// (5.5-6.0) "difficult to remain standing", 6 upper (6.0-6.5) "impossible to move without
// crawling". The acceleration fed in is the ground's through JMA's filters (period effect, high
// and low cut: EarthquakeHazard::feltAccelerationMS2, physics/seismic_intensity.h; in a
// swaying building, the person's floor's acceleration through them); until
// 30 Nov it was the raw acceleration, which read a record with much energy above 2 Hz high (the
// shipped Kanai-Tajimi record, Tg 0.4 s: 5.6 at most in classroom 3, 5.4 through the filters).
#include <cstddef>
#include <vector>

#include <glm/vec3.hpp>

namespace cd::app {

class FeltShaking {
public:
    /// From 6 upper ("impossible to remain standing") a standing person is thrown to the floor...
    static constexpr double kThrownDownIntensity = 6.0;
    /// ...and may stand again below 6 lower ("difficult to remain standing").
    static constexpr double kStandAgainIntensity = 5.5;

    /// windowS: how far back the 0.3 s exceedance looks; sampleS: the caller's step.
    FeltShaking(double sampleS, double windowS = 3.0);

    void add(const glm::vec3& groundAccelMS2);
    /// a0 of the window (m/s^2): the level the shaking reached for 0.3 s in all.
    double a0MS2() const;
    /// JMA instrumental intensity of the window; 0 when still.
    double intensity() const;
    /// Walking speed as a fraction of the normal: 1 up to I 4.5, 0.7 at 5.0, 0.4 at 5.5, 0.2 at
    /// 6.0, 0.1 from 6.5 (linear between). The anchors are the JMA descriptions above; the numbers
    /// are our assumption.
    static double walkingFactor(double intensity);

private:
    std::vector<double> samples_;  ///< |a| in m/s^2, a ring of the window's length
    std::size_t next_ = 0, count_ = 0;
    std::size_t exceedSamples_;   ///< how many samples make 0.3 s
};

}  // namespace cd::app
