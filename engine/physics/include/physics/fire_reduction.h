#pragma once
/// Strength reduction of structural materials at elevated temperature, from the Eurocodes.
namespace cd::physics {

enum class FireCurve {
    None,                ///< not weakened by temperature
    ConcreteSiliceous,   ///< EN 1992-1-2:2004 Table 3.1, fc,θ/fck, siliceous aggregate
    Steel,               ///< EN 1993-1-2:2005 Table 3.1, ky,θ (effective yield strength)
    /// EN 1995-1-2:2004 Annex B (Figure B.5): softwood's tension strength parallel to the grain,
    /// 0.65 at 100 C, none at 300 C, the char line. A member's heating (member_fire.h) takes its
    /// char instead: the section left inside the char line keeps its strength (4.2.2).
    Timber,
};

/// Reduction factor in [0, 1] at temperatureC, linearly interpolated between the table rows.
float strengthReductionFactor(FireCurve curve, float temperatureC);

/// EN 1993-1-2:2005 Table 3.1, k_E,theta: the slope of carbon steel's linear elastic range.
float steelElasticModulusFactor(float temperatureC);

}  // namespace cd::physics
