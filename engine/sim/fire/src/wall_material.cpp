#include "fire/fire_model_def.h"

namespace cd::fire {

// Thermal properties: CFAST thermal database (NIST SP 1889v2 table "thermal properties")
// and SFPE Handbook 5th ed. appendix tables. k W/m/K, rho kg/m^3, c J/kg/K, thickness m.
bool builtinWallMaterial(const std::string& name, WallMaterial& out) {
    struct Row {
        const char* name;
        double k, rho, c, thick, eps;
    };
    static const Row rows[] = {
        {"gypsum", 0.16, 790.0, 900.0, 0.016, 0.9},   {"concrete", 1.75, 2200.0, 1000.0, 0.15, 0.94},
        {"brick", 0.69, 1600.0, 840.0, 0.10, 0.9},    {"wood", 0.12, 510.0, 1380.0, 0.019, 0.9},
        {"steel", 48.0, 7850.0, 559.0, 0.003, 0.94},  {"glass", 0.76, 2700.0, 840.0, 0.006, 0.9},
    };
    for (const auto& r : rows) {
        if (name == r.name) {
            out = WallMaterial{r.name, r.k, r.rho, r.c, r.thick, r.eps};
            return true;
        }
    }
    return false;
}

}  // namespace cd::fire
