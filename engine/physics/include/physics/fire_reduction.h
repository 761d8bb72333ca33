#pragma once
/// Strength reduction of structural materials at elevated temperature, from the Eurocodes.
namespace cd::physics {

enum class FireCurve {
    None,                ///< not weakened by temperature
    ConcreteSiliceous,   ///< EN 1992-1-2:2004 Table 3.1, fc,θ/fck, siliceous aggregate
    Steel,               ///< EN 1993-1-2:2005 Table 3.1, ky,θ (effective yield strength)
};

/// Reduction factor in [0, 1] at temperatureC, linearly interpolated between the table rows.
float strengthReductionFactor(FireCurve curve, float temperatureC);

/// EN 1993-1-2:2005 Table 3.1, k_E,theta: the slope of carbon steel's linear elastic range.
float steelElasticModulusFactor(float temperatureC);

}  // namespace cd::physics
