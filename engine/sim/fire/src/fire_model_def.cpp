#include "fire/fire_model_def.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <utility>

#include "fire/combustion.h"

namespace cd::fire {

namespace {

// "room.size" when the def came from a file (the line says which), "room[2].size" otherwise.
std::string fieldName(const char* table, size_t index, int line, const char* field) {
    std::string s = table;
    if (line <= 0) s += "[" + std::to_string(index) + "]";
    s += ".";
    s += field;
    return s;
}

bool finite3(const Point3& p) { return std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.z); }

const RoomDef* findRoom(const FireModelDef& def, const std::string& id) {
    for (const auto& r : def.rooms)
        if (r.id == id) return &r;
    return nullptr;
}

}  // namespace

std::optional<SharedSurface> sharedSurface(const RoomDef& a, const RoomDef& b) {
    constexpr double kTouch = 1e-6;
    const double a0[3] = {a.originM.x, a.originM.y, a.originM.z}, as[3] = {a.sizeM.x, a.sizeM.y, a.sizeM.z};
    const double b0[3] = {b.originM.x, b.originM.y, b.originM.z}, bs[3] = {b.sizeM.x, b.sizeM.y, b.sizeM.z};
    double overlap[3], gapAbove[3], gapBelow[3];  // gapAbove: b's low side above a's high side
    for (int k = 0; k < 3; ++k) {
        overlap[k] = std::min(a0[k] + as[k], b0[k] + bs[k]) - std::max(a0[k], b0[k]);
        gapAbove[k] = b0[k] - (a0[k] + as[k]);
        gapBelow[k] = a0[k] - (b0[k] + bs[k]);
    }
    auto facing = [&](int k) {
        return (gapAbove[k] >= -kTouch && gapAbove[k] <= kSharedSurfaceGapM) || (gapBelow[k] >= -kTouch && gapBelow[k] <= kSharedSurfaceGapM);
    };
    SharedSurface s;
    if (facing(2) && overlap[0] > kTouch && overlap[1] > kTouch) {
        s.part = gapAbove[2] >= -kTouch && gapAbove[2] <= kSharedSurfaceGapM ? SharedSurface::Part::Ceiling : SharedSurface::Part::Floor;
        s.areaM2 = overlap[0] * overlap[1];
        s.zBottomM = s.zTopM = s.part == SharedSurface::Part::Ceiling ? a0[2] + as[2] : a0[2];
        return s;
    }
    if (overlap[2] <= kTouch) return std::nullopt;
    for (int k = 0; k < 2; ++k) {
        if (!facing(k) || overlap[1 - k] <= kTouch) continue;
        s.areaM2 = overlap[1 - k] * overlap[2];
        s.zBottomM = std::max(a0[2], b0[2]);
        s.zTopM = s.zBottomM + overlap[2];
        return s;
    }
    return std::nullopt;
}

void connectFacingRooms(FireModelDef& def) {
    for (std::size_t i = 0; i < def.rooms.size(); ++i)
        for (std::size_t j = i + 1; j < def.rooms.size(); ++j)
            if (sharedSurface(def.rooms[i], def.rooms[j])) def.connections.push_back({def.rooms[i].id, def.rooms[j].id});
}

bool roomContains(const RoomDef& r, const Point3& p) {
    constexpr double tol = 1e-6;
    return p.x >= r.originM.x - tol && p.x <= r.originM.x + r.sizeM.x + tol && p.y >= r.originM.y - tol &&
           p.y <= r.originM.y + r.sizeM.y + tol && p.z >= r.originM.z - tol && p.z <= r.originM.z + r.sizeM.z + tol;
}

Status validateFire(const FireModelDef& def, const FireDef& f, const std::string& prefix) {
    auto err = [&](const char* field, const std::string& msg) -> Status {
        return makeError(msg, def.sourceFile, f.line, prefix + "." + field);
    };
    const RoomDef* room = findRoom(def, f.room);
    if (!room) return err("room", "unknown room '" + f.room + "'");
    if (!finite3(f.positionM) || !roomContains(*room, f.positionM))
        return err("position", "fire position is not inside room '" + f.room + "'");
    if (!std::isfinite(f.peakHrrKw) || f.peakHrrKw < 0) return err("peak_hrr_kw", "heat release rate must be >= 0");
    if (f.hrrTable.empty() && !(f.alphaKwS2 > 0)) return err("alpha", "growth coefficient must be > 0");
    for (size_t i = 0; i < f.hrrTable.size(); ++i) {
        if (!(f.hrrTable[i].hrrKw >= 0)) return err("hrr_table", "heat release rate must be >= 0");
        if (i > 0 && !(f.hrrTable[i].timeS > f.hrrTable[i - 1].timeS))
            return err("hrr_table", "times must increase");
        if (f.hrrTable[i].timeS < 0) return err("hrr_table", "times must be >= 0");
    }
    if (!(f.areaM2 > 0)) return err("area_m2", "fire area must be > 0");
    if (!(f.fuelMassKg >= 0)) return err("fuel_mass_kg", "fuel mass must be >= 0");
    if (!(f.heatOfCombustionKjKg > 0)) return err("heat_of_combustion_kj_kg", "must be > 0");
    if (!(f.radiativeFraction >= 0 && f.radiativeFraction < 1)) return err("radiative_fraction", "must be in [0, 1)");
    if (!(f.sootYield >= 0)) return err("soot_yield", "must be >= 0");
    if (!(f.coYield >= 0)) return err("co_yield", "must be >= 0");
    if (!(f.hcnYield >= 0)) return err("hcn_yield", "must be >= 0");
    if (!(f.carbonAtoms >= 0 && f.hydrogenAtoms >= 0 && f.oxygenAtoms >= 0 && f.nitrogenAtoms >= 0))
        return err("formula", "atom counts must be >= 0");
    if (!(f.startS >= 0)) return err("start_s", "must be >= 0");
    auto y = combustionYields(f);
    if (!y) return makeError(y.error().message, def.sourceFile, f.line, prefix + "." + y.error().field.substr(5));
    return Ok{};
}

Status validate(const FireModelDef& def) {
    const std::string& file = def.sourceFile;
    if (def.rooms.empty()) return makeError("a fire case needs at least one room", file, 0, "room");
    std::set<std::string> ids;
    for (size_t i = 0; i < def.rooms.size(); ++i) {
        const auto& r = def.rooms[i];
        auto f = [&](const char* field) { return fieldName("room", i, r.line, field); };
        if (r.id.empty()) return makeError("room needs an id", file, r.line, f("id"));
        if (r.id == kOutside) return makeError("'outside' is reserved", file, r.line, f("id"));
        if (!ids.insert(r.id).second) return makeError("duplicate room id '" + r.id + "'", file, r.line, f("id"));
        if (!finite3(r.originM)) return makeError("origin must be finite", file, r.line, f("origin"));
        if (!finite3(r.sizeM) || !(r.sizeM.x > 0 && r.sizeM.y > 0 && r.sizeM.z > 0))
            return makeError("room has zero volume (every size must be > 0)", file, r.line, f("size"));
        auto sound = [](const WallMaterial& w) {
            return w.conductivityWMK > 0 && w.densityKgM3 > 0 && w.specificHeatJKgK > 0 && w.thicknessM > 0 && w.emissivity > 0 &&
                   w.emissivity <= 1;
        };
        if (!sound(r.wall)) return makeError("wall material properties must be > 0 (emissivity <= 1)", file, r.line, f("wall"));
        if (r.ceiling && !sound(*r.ceiling))
            return makeError("ceiling material properties must be > 0 (emissivity <= 1)", file, r.line, f("ceiling"));
        if (r.floor && !sound(*r.floor))
            return makeError("floor material properties must be > 0 (emissivity <= 1)", file, r.line, f("floor"));
        if (!(r.leakageAreaM2 >= 0)) return makeError("must be >= 0", file, r.line, f("leakage_area_m2"));
    }
    std::set<std::string> openIds;
    for (size_t i = 0; i < def.openings.size(); ++i) {
        const auto& o = def.openings[i];
        auto f = [&](const char* field) { return fieldName("opening", i, o.line, field); };
        if (!o.id.empty() && !openIds.insert(o.id).second)
            return makeError("duplicate opening id '" + o.id + "'", file, o.line, f("id"));
        const RoomDef* a = findRoom(def, o.roomA);
        if (!a) return makeError("unknown room '" + o.roomA + "'", file, o.line, f("from"));
        const RoomDef* b = nullptr;
        if (o.roomB != kOutside) {
            b = findRoom(def, o.roomB);
            if (!b) return makeError("unknown room '" + o.roomB + "'", file, o.line, f("to"));
            if (b == a) return makeError("an opening joins two different rooms", file, o.line, f("to"));
        }
        if (o.placed && (!std::isfinite(o.centerXM) || !std::isfinite(o.centerYM)))
            return makeError("must be finite", file, o.line, f("plan_center"));
        if (!(o.dischargeCoeff > 0 && o.dischargeCoeff <= 1))
            return makeError("must be in (0, 1]", file, o.line, f("discharge_coefficient"));
        if (o.glassBreaksAtC != 0) {
            if (o.kind != OpeningKind::Wall) return makeError("only a wall opening (a window) is glazed", file, o.line, f("glass_breaks_at_c"));
            if (!(o.glassBreaksAtC >= 100 && o.glassBreaksAtC <= 1200))
                return makeError("must be between 100 and 1200 C", file, o.line, f("glass_breaks_at_c"));
            if (o.open) return makeError("glazing that can break starts shut: give open = false", file, o.line, f("open"));
        }
        if (o.glazing.kind != GlassKind::None) {
            const GlazingDef& g = o.glazing;
            if (o.kind != OpeningKind::Wall) return makeError("only a wall opening (a window) is glazed", file, o.line, f("glazing"));
            if (o.open) return makeError("glazing that can break starts shut: give open = false", file, o.line, f("open"));
            if (g.panes != 1 && g.panes != 2) return makeError("must be 1 or 2", file, o.line, f("panes"));
            if (!(g.thicknessM >= 0.002 && g.thicknessM <= 0.025))
                return makeError("must be from 2 to 25 mm", file, o.line, f("glass_thickness_mm"));
            if (g.panes == 2 && !(g.gapM >= 0.004 && g.gapM <= 0.03))
                return makeError("must be from 4 to 30 mm", file, o.line, f("glass_gap_mm"));
            if (g.breakingStressMPa != 0 && !(g.breakingStressMPa >= 10 && g.breakingStressMPa <= 400))
                return makeError("must be from 10 to 400 MPa", file, o.line, f("glass_breaking_stress_mpa"));
            if (g.kind == GlassKind::Toughened && o.glassBreaksAtC != 0)
                return makeError("toughened glass falls out as it breaks; a fall-out temperature is for float glass", file, o.line,
                                 f("glass_breaks_at_c"));
        }
        if (o.kind == OpeningKind::Ceiling) {
            if (!(o.areaM2 > 0) || !std::isfinite(o.areaM2)) return makeError("must be > 0", file, o.line, f("area_m2"));
            if (o.areaM2 > a->sizeM.x * a->sizeM.y + 1e-9)
                return makeError("ceiling vent is larger than the ceiling of '" + a->id + "'", file, o.line,
                                 f("area_m2"));
            if (b) {
                double ceiling = a->originM.z + a->sizeM.z;
                if (std::fabs(b->originM.z - ceiling) > 0.01)
                    return makeError("room '" + b->id + "' is not directly above '" + a->id + "' (its floor is at " +
                                         std::to_string(b->originM.z) + " m, the ceiling of '" + a->id + "' at " +
                                         std::to_string(ceiling) + " m)",
                                     file, o.line, f("to"));
                double ox = std::min(a->originM.x + a->sizeM.x, b->originM.x + b->sizeM.x) -
                            std::max(a->originM.x, b->originM.x);
                double oy = std::min(a->originM.y + a->sizeM.y, b->originM.y + b->sizeM.y) -
                            std::max(a->originM.y, b->originM.y);
                if (!(ox > 0 && oy > 0) || o.areaM2 > ox * oy + 1e-9)
                    return makeError("ceiling vent does not fit where '" + a->id + "' and '" + b->id +
                                         "' overlap in plan (" + std::to_string(std::max(ox, 0.0) * std::max(oy, 0.0)) +
                                         " m2)",
                                     file, o.line, f("area_m2"));
            }
            continue;
        }
        if (!(o.widthM > 0)) return makeError("must be > 0", file, o.line, f("width"));
        if (!(o.heightM > 0)) return makeError("must be > 0", file, o.line, f("height"));
        if (!(o.sillM >= 0)) return makeError("must be >= 0", file, o.line, f("sill"));
        if (o.sillM + o.heightM > a->sizeM.z + 1e-9)
            return makeError("opening top is above the ceiling of '" + a->id + "'", file, o.line, f("height"));
        if (b) {
            double zb = a->originM.z + o.sillM, zt = zb + o.heightM;
            if (zb < b->originM.z - 1e-9 || zt > b->originM.z + b->sizeM.z + 1e-9)
                return makeError("opening does not fit within the height of '" + b->id + "'", file, o.line, f("sill"));
        }
    }
    std::set<std::pair<std::string, std::string>> pairs;
    for (size_t i = 0; i < def.connections.size(); ++i) {
        const auto& c = def.connections[i];
        auto f = [&](const char* field) { return fieldName("connection", i, c.line, field); };
        const RoomDef* a = findRoom(def, c.roomA);
        if (!a) return makeError("unknown room '" + c.roomA + "'", file, c.line, f("from"));
        const RoomDef* b = findRoom(def, c.roomB);
        if (!b) {
            const std::string why = c.roomB == kOutside ? "a room's linings lose their heat to outside without a connection; give a room"
                                                        : "unknown room '" + c.roomB + "'";
            return makeError(why, file, c.line, f("to"));
        }
        if (a == b) return makeError("a connection joins two different rooms", file, c.line, f("to"));
        if (!sharedSurface(*a, *b)) {
            char gap[32];
            std::snprintf(gap, sizeof gap, "%g", kSharedSurfaceGapM);
            return makeError("rooms '" + a->id + "' and '" + b->id + "' share no wall, ceiling or floor (their facing sides must overlap, at most " +
                                 gap + " m apart)",
                             file, c.line, f("to"));
        }
        if (!pairs.insert(std::minmax(c.roomA, c.roomB)).second)
            return makeError("rooms '" + a->id + "' and '" + b->id + "' are connected twice", file, c.line, f("to"));
    }
    std::set<std::string> fanIds;
    for (size_t i = 0; i < def.fans.size(); ++i) {
        const auto& fan = def.fans[i];
        auto f = [&](const char* field) { return fieldName("fan", i, fan.line, field); };
        if (!fan.id.empty() && !fanIds.insert(fan.id).second)
            return makeError("duplicate fan id '" + fan.id + "'", file, fan.line, f("id"));
        const RoomDef* from = fan.from == kOutside ? nullptr : findRoom(def, fan.from);
        const RoomDef* to = fan.to == kOutside ? nullptr : findRoom(def, fan.to);
        if (fan.from != kOutside && !from) return makeError("unknown room '" + fan.from + "'", file, fan.line, f("from"));
        if (fan.to != kOutside && !to) return makeError("unknown room '" + fan.to + "'", file, fan.line, f("to"));
        // A fan from a room back into it recirculates (with a filter, a room air cleaner); one
        // from outside to outside would move nothing of the model's.
        if (fan.from == kOutside && fan.to == kOutside)
            return makeError("a fan moves gas between two different places (from and to are both '" + fan.to + "')",
                             file, fan.line, f("to"));
        if (!(fan.flowM3S > 0) || !std::isfinite(fan.flowM3S))
            return makeError("must be > 0", file, fan.line, f("flow_m3_s"));
        if (from && !(fan.fromHeightM >= 0 && fan.fromHeightM <= from->sizeM.z + 1e-9))
            return makeError("must be within the height of '" + from->id + "'", file, fan.line, f("from_height"));
        if (to && !(fan.toHeightM >= 0 && fan.toHeightM <= to->sizeM.z + 1e-9))
            return makeError("must be within the height of '" + to->id + "'", file, fan.line, f("to_height"));
        if (!(fan.cutoffStartPa >= 0 && fan.cutoffEndPa > fan.cutoffStartPa))
            return makeError("cutoff pressures must satisfy 0 <= start < end", file, fan.line, f("cutoff_end_pa"));
        if (!(fan.filterEfficiency >= 0 && fan.filterEfficiency <= 1))
            return makeError("must be a fraction between 0 and 1", file, fan.line, f("filter_efficiency"));
        if (!(fan.filterAtS >= 0) || !std::isfinite(fan.filterAtS))
            return makeError("must be >= 0", file, fan.line, f("filter_at"));
    }
    std::set<std::string> fireIds;
    for (size_t i = 0; i < def.fires.size(); ++i) {
        const auto& fd = def.fires[i];
        std::string prefix = fd.line > 0 ? "fire" : "fire[" + std::to_string(i) + "]";
        if (!fd.id.empty() && !fireIds.insert(fd.id).second)
            return makeError("duplicate fire id '" + fd.id + "'", file, fd.line, prefix + ".id");
        auto s = validateFire(def, fd, prefix);
        if (!s) return s;
    }
    auto checkDevice = [&](const char* table, size_t i, const std::string& room, const Point3& p, double rti,
                           int line) -> Status {
        const RoomDef* r = findRoom(def, room);
        if (!r) return makeError("unknown room '" + room + "'", file, line, fieldName(table, i, line, "room"));
        if (!finite3(p) || !roomContains(*r, p))
            return makeError("position is not inside room '" + room + "'", file, line,
                             fieldName(table, i, line, "position"));
        if (!(rti > 0)) return makeError("must be > 0", file, line, fieldName(table, i, line, "rti"));
        return Ok{};
    };
    for (size_t i = 0; i < def.detectors.size(); ++i) {
        const auto& d = def.detectors[i];
        auto s = checkDevice("detector", i, d.room, d.positionM, d.rtiMS, d.line);
        if (!s) return s;
        if (!(d.obscurationPctPerM > 0 && d.obscurationPctPerM < 100))
            return makeError("must be in (0, 100)", file, d.line, fieldName("detector", i, d.line, "obscuration_pct_per_m"));
        if (!(d.characteristicLengthM >= 0 && d.characteristicLengthM <= 100))
            return makeError("must be in [0, 100] m", file, d.line, fieldName("detector", i, d.line, "characteristic_length_m"));
    }
    for (size_t i = 0; i < def.sprinklers.size(); ++i) {
        const auto& d = def.sprinklers[i];
        auto s = checkDevice("sprinkler", i, d.room, d.positionM, d.rtiMS, d.line);
        if (!s) return s;
        if (!(d.sprayDensityMmS > 0))
            return makeError("must be > 0", file, d.line, fieldName("sprinkler", i, d.line, "spray_density_mm_s"));
    }
    for (size_t i = 0; i < def.items.size(); ++i) {
        const auto& it = def.items[i];
        FireDef fd = it.fire;
        fd.room = it.room;
        fd.positionM = it.positionM;
        fd.line = it.line;
        std::string prefix = it.line > 0 ? "item" : "item[" + std::to_string(i) + "]";
        auto s = validateFire(def, fd, prefix);
        if (!s) return s;
        if (!(it.criticalFluxKwM2 > 0))
            return makeError("must be > 0", file, it.line, prefix + ".critical_flux_kw_m2");
        if (!(it.fluxTimeProductKjM2 > 0))
            return makeError("must be > 0", file, it.line, prefix + ".flux_time_product_kj_m2");
        if (!(it.fluxTimeExponent >= 1 && it.fluxTimeExponent <= 2))
            return makeError("must be between 1 (thin fuels) and 2 (thick)", file, it.line, prefix + ".flux_time_exponent");
        if (!std::isfinite(it.igniteAtS) || (it.igniteAtS < 0 && it.igniteAtS != -1))
            return makeError("must be >= 0 s (or left out: lit by the heat only)", file, it.line, prefix + ".ignite_at_s");
    }
    if (!(def.maxStepS > 0 && def.maxStepS <= 10)) return makeError("must be in (0, 10]", file, 0, "settings.max_step_s");
    if (!(def.lowerOxygenLimitPct >= 0 && def.lowerOxygenLimitPct < 20.9))
        return makeError("must be in [0, 20.9)", file, 0, "settings.lower_oxygen_limit_pct");
    if (!(def.ambientTempC > -60 && def.ambientTempC < 60))
        return makeError("must be in (-60, 60)", file, 0, "settings.ambient_temp_c");
    if (def.doorJetIgnitionTempC >= 0 && !(def.doorJetIgnitionTempC > def.ambientTempC))
        return makeError("must be above ambient_temp_c", file, 0, "settings.door_jet_ignition_temp_c");
    return Ok{};
}

}  // namespace cd::fire
