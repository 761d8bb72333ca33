// ground_motion_gen: synthesises a ground acceleration record for earthquake scenarios:
// Kanai (1957) / Tajimi (1960) filtered white noise under a Jennings, Housner & Tsai (1968)
// envelope, scaled to a peak ground acceleration. Writes CSV time_s,ax,ay,az in m/s^2.
// The shipped record assets/ground_motion/synthetic_kt_m6.csv was written with
//   ground_motion_gen --out assets/ground_motion/synthetic_kt_m6.csv --pga 3.0 --period 0.4 --duration 20 --seed 6 --step 0.01
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/files.h"
#include "physics/ground_motion.h"

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage: ground_motion_gen --out FILE [--pga M_S2] [--period S] [--duration S] [--damping Z]\n"
                 "                         [--seed N] [--step S] [--vertical R] [--second R]\n");
    return 1;
}

bool parseNumber(const char* text, double& out) {
    char* end = nullptr;
    out = std::strtod(text, &end);
    return end != text && *end == '\0';
}

}  // namespace

int main(int argc, char** argv) {
    cd::physics::ParametricGroundMotion p;
    std::string out;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) return usage();
        const char* v = argv[++i];
        double x = 0.0;
        if (a == "--out") {
            out = v;
            continue;
        }
        if (!parseNumber(v, x)) {
            std::fprintf(stderr, "ground_motion_gen: %s: not a number: '%s'\n", a.c_str(), v);
            return 1;
        }
        if (a == "--pga") p.pgaMS2 = x;
        else if (a == "--period") p.dominantPeriodS = x;
        else if (a == "--duration") p.durationS = x;
        else if (a == "--damping") p.siteDamping = x;
        else if (a == "--seed") p.seed = static_cast<std::uint64_t>(x);
        else if (a == "--step") p.sampleStepS = x;
        else if (a == "--vertical") p.verticalRatio = x;
        else if (a == "--second") p.secondHorizontalRatio = x;
        else return usage();
    }
    if (out.empty()) return usage();
    auto g = cd::physics::makeParametricGroundMotion(p);
    if (!g) {
        std::fprintf(stderr, "ground_motion_gen: %s\n", g.error().str().c_str());
        return 1;
    }
    char header[1024];
    std::snprintf(header, sizeof header,
                  "Synthetic ground acceleration, m/s^2, written by tools/ground_motion_gen (CityDrill).\n"
                  "Method: Kanai-Tajimi filtered white noise (Kanai 1957; Tajimi 1960), site period Tg = %.3g s,\n"
                  "damping zeta_g = %.3g, RK4 at %.4g s; envelope of Jennings, Housner & Tsai (1968): (t/t1)^2 to\n"
                  "t1 = 0.1 D, flat to t2 = 0.45 D, exp(-c (t - t2)) to 5 %% at D = %.3g s. Independent noise per\n"
                  "axis (PCG32 seed %llu); scaled to PGA x = %.3g m/s^2 (%.3g g), y = %.2f x, z = %.3f x.\n"
                  "Not a recorded earthquake: for training scenarios only.",
                  p.dominantPeriodS, p.siteDamping, p.sampleStepS, p.durationS,
                  static_cast<unsigned long long>(p.seed), p.pgaMS2, p.pgaMS2 / 9.80665, p.secondHorizontalRatio,
                  p.verticalRatio);
    const cd::Status s = cd::writeTextFile(out, cd::physics::groundMotionToCsv(*g, header));
    if (!s) {
        std::fprintf(stderr, "ground_motion_gen: %s\n", s.error().str().c_str());
        return 1;
    }
    std::printf("wrote %s: %zu samples, %.2f s, peak horizontal %.3f m/s^2\n", out.c_str(), g->timeS.size(),
                g->durationS(), g->peakHorizontalMS2());
    return 0;
}
