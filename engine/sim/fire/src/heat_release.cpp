#include "fire/heat_release.h"

#include <algorithm>

namespace cd::fire {

// t-squared fire Q = alpha t^2 capped at the peak (NFPA 92 (2021) eq 5.2.1), or a table
// interpolated linearly and held at its last value.
double growthCurveHrrKw(const FireDef& fire, double tS) {
    if (tS < 0) return 0.0;
    if (!fire.hrrTable.empty()) {
        const auto& t = fire.hrrTable;
        if (tS <= t.front().timeS) return t.front().timeS <= 0 ? t.front().hrrKw : t.front().hrrKw * tS / t.front().timeS;
        for (size_t i = 1; i < t.size(); ++i) {
            if (tS <= t[i].timeS) {
                double f = (tS - t[i - 1].timeS) / (t[i].timeS - t[i - 1].timeS);
                return t[i - 1].hrrKw + f * (t[i].hrrKw - t[i - 1].hrrKw);
            }
        }
        return t.back().hrrKw;
    }
    return std::min(fire.alphaKwS2 * tS * tS, fire.peakHrrKw);
}

}  // namespace cd::fire
