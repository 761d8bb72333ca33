#include "scenario/scenario_loader.h"

#include <algorithm>
#include <cstdio>
#include <array>
#include <cmath>
#include <filesystem>
#include <set>

#include "core/files.h"
#include "scenario/rubric_builder.h"
#include "toml_fields.h"

namespace cd::scenario {

bool growthAlpha(const std::string& growthClass, double& alphaKwS2) {
    // t-squared fire growth classes, NFPA 92 (2021) Table/Annex, NFPA 72 Annex B.
    if (growthClass == "slow") alphaKwS2 = 0.00293;
    else if (growthClass == "medium") alphaKwS2 = 0.01172;
    else if (growthClass == "fast") alphaKwS2 = 0.0469;
    else if (growthClass == "ultrafast") alphaKwS2 = 0.1876;
    else return false;
    return true;
}

namespace {

constexpr double kBig = 1e9;

std::optional<Vec3> vec3(TomlFields& f, const char* key, bool required) {
    auto v = f.numbers(key, required, 3);
    if (!v) return std::nullopt;
    return Vec3{(*v)[0], (*v)[1], (*v)[2]};
}

SourceRef sourceOf(TomlFields& f, const std::string& path) { return SourceRef{f.file(), f.line(), path}; }

/// Notes a file the scenario refers to, with where: loadScenario checks that it exists, so a typo
/// in a path is reported at its line and key, not as a bare "cannot open" later.
std::string fileRef(TomlFields& f, ScenarioDef& def, const char* key, const std::string& path) {
    def.referencedFiles.push_back({path, {f.file(), f.lineOf(key), f.field(key)}});
    return path;
}

void readScenarioTable(TomlFields& root, ScenarioDef& def, const std::string& baseDir) {
    const toml::table* t = root.table("scenario", true);
    if (!t) return;
    TomlFields f(*t, def.path, "scenario", root.errorsRef());
    if (auto v = f.str("id", true)) def.id = *v;
    if (auto v = f.str("title", true)) def.title = *v;
    if (auto v = f.str("title_zh", false)) def.titleZh = *v;
    if (auto v = f.str("description", false)) def.description = *v;
    if (auto v = f.str("district", true)) def.districtPath = fileRef(f, def, "district", joinPath(baseDir, *v));
    if (auto v = f.num("duration_s", true, 1.0, 86400.0)) def.durationS = *v;
    if (auto v = f.num("tick_hz", false, 10.0, 1000.0)) def.tickHz = *v;
    if (auto v = f.integer("seed", false, 0, (1LL << 62))) def.seed = static_cast<std::uint64_t>(*v);
    if (auto v = f.str("language", false)) {
        if (*v != "en" && *v != "zh") f.error("language", "expected \"en\" or \"zh\"");
        else def.language = *v;
    }
    if (auto v = f.str("assembly_point", true)) def.assemblyPoint = *v;
    if (auto v = f.strings("instructions", true)) def.instructions = *v;
    if (auto v = f.strings("instructions_zh", false)) def.instructionsZh = *v;
    if (auto v = f.str("bot", false)) def.defaultBot = fileRef(f, def, "bot", joinPath(baseDir, *v));
    if (auto v = f.str("hooks", false)) def.hooksPath = fileRef(f, def, "hooks", joinPath(baseDir, *v));
}

void readTrainee(TomlFields& root, ScenarioDef& def) {
    const toml::table* t = root.table("trainee", true);
    if (!t) return;
    TomlFields f(*t, def.path, "trainee", root.errorsRef());
    TraineeDef& tr = def.trainee;
    tr.source = sourceOf(f, "trainee");
    if (auto v = f.str("role", true)) {
        if (*v != "student" && *v != "teacher" && *v != "responder")
            f.error("role", "expected \"student\", \"teacher\" or \"responder\"");
        tr.role = *v;
    }
    if (auto v = f.str("start_room", false)) tr.startRoom = *v;
    tr.startPosition = vec3(f, "start_position", false);
    if (tr.startRoom.empty() && !tr.startPosition) f.error("start_room", "give start_room or start_position");
    if (auto v = f.num("start_yaw_deg", false, -360.0, 360.0)) tr.startYawDeg = *v;
    if (auto v = f.num("walk_speed_mps", false, 0.1, 3.0)) tr.walkSpeedMps = *v;
    if (auto v = f.num("run_speed_mps", false, 0.1, 8.0)) tr.runSpeedMps = *v;
    if (auto v = f.num("eye_height_m", false, 0.5, 2.2)) tr.eyeHeightM = *v;
    if (auto v = f.num("crouch_eye_height_m", false, 0.3, 1.5)) tr.crouchEyeHeightM = *v;
    if (auto v = f.num("lift_kg", false, 1.0, 100000.0)) tr.liftKg = *v;
    if (auto v = f.num("body_mass_kg", false, 20.0, 200.0)) tr.bodyMassKg = *v;
    if (auto v = f.num("load_kg", false, 0.0, 100.0)) tr.loadKg = *v;
    if (auto v = f.num("vo2max_ml_kg_min", false, 15.0, 90.0)) tr.vo2MaxMlKgMin = *v;
    if (auto v = f.str("extinguisher", false)) {
        // The agents of engine/sim/fire (extinguishing_agent.h) and a fire-service hose.
        static const std::set<std::string> agents{"water", "foam", "co2", "powder", "wet_chemical", "hose"};
        if (!agents.count(*v)) f.error("extinguisher", "expected one of water, foam, co2, powder, wet_chemical, hose");
        else tr.extinguisher = *v;
    }
    if (auto v = f.boolean("turnout_gear", false)) tr.turnoutGear = *v;
    if (const toml::table* b = f.table("breathing_apparatus", false)) {
        TomlFields bf(*b, def.path, "trainee.breathing_apparatus", root.errorsRef());
        BreathingApparatusDef ba;
        if (auto v = bf.num("cylinder_l", false, 1.0, 20.0)) ba.cylinderL = *v;
        if (auto v = bf.num("pressure_bar", false, 10.0, 350.0)) ba.pressureBar = *v;
        if (auto v = bf.num("consumption_l_min", false, 10.0, 200.0)) ba.consumptionLMin = *v;
        if (auto v = bf.num("whistle_bar", false, 0.0, 200.0)) ba.whistleBar = *v;
        if (auto v = bf.num("mass_kg", false, 0.0, 40.0)) ba.massKg = *v;
        if (ba.whistleBar >= ba.pressureBar)
            bf.error("whistle_bar", "must be below pressure_bar (" + std::to_string(static_cast<int>(ba.whistleBar)) +
                                        " bar is not below " + std::to_string(static_cast<int>(ba.pressureBar)) + ")");
        tr.breathingApparatus = ba;
    }
}

/// The keys a [[fire]] and an [[item]] share: how it grows, how big, its fuel and its smoke.
void readFireKeys(TomlFields& f, FireDef& fire) {
    bool hasGrowth = f.has("growth"), hasAlpha = f.has("alpha");
    if (hasGrowth == hasAlpha) f.error("growth", "give exactly one of growth or alpha");
    if (hasGrowth) {
        if (auto g = f.str("growth", true))
            if (!growthAlpha(*g, fire.alphaKwS2))
                f.error("growth", "expected \"slow\", \"medium\", \"fast\" or \"ultrafast\", got '" + *g + "'");
    } else if (hasAlpha) {
        if (auto v = f.num("alpha", true, 1e-5, 10.0)) fire.alphaKwS2 = *v;
    }
    if (auto v = f.num("peak_hrr_kw", true, 1.0, 1e6)) fire.peakHrrKw = *v;
    if (auto v = f.num("area_m2", false, 0.01, 1000.0)) fire.areaM2 = *v;
    if (auto v = f.num("fuel_mass_kg", false, 0.0, 1e7)) fire.fuelMassKg = *v;
    if (auto v = f.num("heat_of_combustion_kj_kg", false, 1000.0, 60000.0)) fire.heatOfCombustionKjKg = *v;
    if (auto v = f.num("soot_yield", false, 0.0, 0.5)) fire.sootYield = *v;
    if (auto v = f.num("co_yield", false, 0.0, 0.5)) fire.coYield = *v;
    if (auto v = f.num("hcn_yield", false, 0.0, 0.5)) fire.hcnYield = *v;
    if (auto v = f.str("class", false)) {
        static const std::set<std::string> classes{"A", "B", "C", "E", "F"};
        if (!classes.count(*v)) f.error("class", "expected one of A, B, C, E, F");
        else fire.fireClass = *v;
    }
}

/// [[fire]] and [[item]]: their ids name fires in one namespace (events, extinguishers, hooks).
void readFires(TomlFields& root, ScenarioDef& def) {
    std::set<std::string> ids;
    auto readId = [&](TomlFields& f, FireDef& fire, const char* what) {
        if (auto v = f.str("id", true)) {
            fire.id = *v;
            if (!ids.insert(*v).second) f.error("id", std::string("duplicate ") + what + " id '" + *v + "' (fires and items share their ids)");
        }
        if (auto v = f.str("room", true)) fire.room = *v;
    };
    auto tables = root.tables("fire");
    for (std::size_t i = 0; i < tables.size(); ++i) {
        std::string path = "fire[" + std::to_string(i) + "]";
        TomlFields f(*tables[i], def.path, path, root.errorsRef());
        FireDef fire;
        fire.source = sourceOf(f, path);
        readId(f, fire, "fire");
        fire.position = vec3(f, "position", false);
        if (auto v = f.num("at_s", false, 0.0, kBig)) fire.atS = *v;
        readFireKeys(f, fire);
        def.fires.push_back(std::move(fire));
    }
    tables = root.tables("item");
    for (std::size_t i = 0; i < tables.size(); ++i) {
        std::string path = "item[" + std::to_string(i) + "]";
        TomlFields f(*tables[i], def.path, path, root.errorsRef());
        FuelItemDef item;
        item.fire.source = sourceOf(f, path);
        readId(f, item.fire, "item");
        if (auto v = f.str("name", false)) item.name = *v;
        if (auto v = f.str("name_zh", false)) item.nameZh = *v;
        // An item burns where it stands: no default place, and it starts when the heat on it
        // has been enough, or when the scenario lights it (ignite_at_s; no at_s).
        item.fire.position = vec3(f, "position", true);
        if (auto v = f.num("ignite_at_s", false, 0.0, 1e6)) item.igniteAtS = *v;
        if (auto v = f.num("critical_flux_kw_m2", false, 0.1, 500.0)) item.criticalFluxKwM2 = *v;
        if (auto v = f.num("flux_time_product_kj_m2", false, 1.0, 1e6)) item.fluxTimeProductKjM2 = *v;
        if (auto v = f.num("flux_time_exponent", false, 1.0, 2.0)) item.fluxTimeExponent = *v;
        if (auto v = f.numbers("size", false, 3)) {
            if (std::all_of(v->begin(), v->end(), [](double x) { return x >= 0.01 && x <= 50.0; })) item.size = Vec3{(*v)[0], (*v)[1], (*v)[2]};
            else f.error("size", "each extent must be between 0.01 and 50 m");
        }
        readFireKeys(f, item.fire);
        def.items.push_back(std::move(item));
    }
}

void readSprinklers(TomlFields& root, ScenarioDef& def) {
    const toml::table* t = root.table("sprinklers", false);
    if (!t) return;
    TomlFields f(*t, def.path, "sprinklers", root.errorsRef());
    SprinklerSystemDef sp;
    sp.source = {f.file(), t->contains("rooms") ? f.lineOf("rooms") : f.line(), "sprinklers.rooms"};
    if (auto v = f.strings("rooms", true)) {
        if (v->empty()) f.error("rooms", "list at least one room");
        sp.rooms = *v;
    }
    const bool hasResponse = f.has("response"), hasRti = f.has("rti");
    if (hasResponse && hasRti) f.error("rti", "give response or rti, not both");
    if (auto v = f.str("response", false)) {
        if (*v == "quick") sp.rtiMS = 50.0;
        else if (*v == "standard") sp.rtiMS = 130.0;
        else f.error("response", "expected \"quick\" or \"standard\", got '" + *v + "'");
    }
    if (auto v = f.num("rti", false, 10.0, 500.0)) sp.rtiMS = *v;
    if (auto v = f.num("activation_c", false, 57.0, 343.0)) sp.activationTempC = *v;
    if (auto v = f.num("density_mm_min", false, 1.0, 30.0)) sp.densityMmMin = *v;
    if (auto v = f.num("spacing_m", false, 1.8, 4.6)) sp.spacingM = *v;
    def.sprinklers = std::move(sp);
}

void readTimeline(TomlFields& root, ScenarioDef& def) {
    auto tables = root.tables("event");
    static const std::set<std::string> kinds{"alarm", "message", "open_door", "close_door", "open_window", "close_window", "end"};
    for (std::size_t i = 0; i < tables.size(); ++i) {
        std::string path = "event[" + std::to_string(i) + "]";
        TomlFields f(*tables[i], def.path, path, root.errorsRef());
        TimelineEvent ev;
        ev.source = sourceOf(f, path);
        if (auto v = f.str("kind", true)) {
            if (!kinds.count(*v))
                f.error("kind", "expected alarm, message, open_door, close_door, open_window, close_window or end, got '" + *v + "'");
            ev.kind = *v;
        }
        if (auto v = f.num("at_s", false, 0.0, kBig)) ev.atS = *v;
        if (auto v = f.str("on", false)) ev.on = *v;
        if (!ev.atS && ev.on.empty()) f.error("at_s", "give at_s (a time) or on (a triggering event)");
        if (ev.atS && !ev.on.empty()) f.error("on", "give either at_s or on, not both");
        if (auto v = f.num("delay_s", false, 0.0, kBig)) ev.delayS = *v;
        if (auto v = f.str("target", false)) ev.target = *v;
        if ((ev.kind == "open_door" || ev.kind == "close_door") && ev.target.empty())
            f.error("target", "a door event needs the door id");
        if ((ev.kind == "open_window" || ev.kind == "close_window") && ev.target.empty())
            f.error("target", "a window event needs the window id");
        if (auto v = f.str("text", ev.kind == "alarm" || ev.kind == "message")) ev.text = *v;
        if (auto v = f.str("text_zh", false)) ev.textZh = *v;
        def.timeline.push_back(std::move(ev));
    }
}

// [[crowd]]: classes and their teachers. Names (room, exits, speed profile) are checked
// against the district and the crowd model by the app (scenario_checks.cpp).
void readCrowd(TomlFields& root, ScenarioDef& def) {
    auto tables = root.tables("crowd");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        std::string path = "crowd[" + std::to_string(i) + "]";
        TomlFields f(*tables[i], def.path, path, root.errorsRef());
        CrowdGroupDef g;
        g.source = sourceOf(f, path);
        if (auto v = f.str("id", true)) {
            g.id = *v;
            if (!ids.insert(*v).second) f.error("id", "duplicate crowd group id '" + *v + "'");
        }
        if (auto v = f.str("room", true)) g.room = *v;
        if (auto v = f.integer("count", true, 1, 500)) g.count = static_cast<int>(*v);
        if (f.has("speed") && f.has("speed_mps")) f.error("speed_mps", "give speed (a profile) or speed_mps, not both");
        if (auto v = f.str("speed", false)) g.speedProfile = *v;
        if (auto v = f.numbers("speed_mps", false, 2)) {
            if (!((*v)[0] > 0.0 && (*v)[0] <= (*v)[1] && (*v)[1] < 5.0))
                f.error("speed_mps", "expected [lo, hi] with 0 < lo <= hi < 5 m/s");
            g.hasSpeedRange = true;
            g.speedMinMps = (*v)[0];
            g.speedMaxMps = (*v)[1];
        }
        if (auto v = f.numbers("premovement_s", false, 2)) {
            if (!((*v)[0] >= 0.0 && (*v)[0] <= (*v)[1] && (*v)[1] <= kBig))
                f.error("premovement_s", "expected [lo, hi] with 0 <= lo <= hi");
            g.premovementMinS = (*v)[0];
            g.premovementMaxS = (*v)[1];
        }
        if (auto v = f.numbers("take_cover_s", false, 2)) {
            if (!((*v)[0] >= 0.0 && (*v)[0] <= (*v)[1] && (*v)[1] <= 60.0))
                f.error("take_cover_s", "expected [lo, hi] with 0 <= lo <= hi <= 60 s");
            g.hasTakeCover = true;
            g.takeCoverMinS = (*v)[0];
            g.takeCoverMaxS = (*v)[1];
        }
        if (auto v = f.str("leader", false)) {
            if (*v != "teacher") f.error("leader", "expected \"teacher\", got '" + *v + "'");
            else g.leader = *v;
        }
        if (auto v = f.strings("known_exits", false)) g.knownExits = *v;
        def.crowd.push_back(std::move(g));
    }
}

// An array of [a, b] pairs of finite numbers (segments, hydrographs, hyetographs).
std::optional<std::vector<std::array<double, 2>>> pairs(TomlFields& f, const toml::table& t, const char* key,
                                                         bool required, std::size_t minRows) {
    if (!f.has(key)) {
        if (required) f.error(key, "missing (expected an array of [a, b] pairs)");
        return std::nullopt;
    }
    const toml::array* a = t.get(key)->as_array();
    std::vector<std::array<double, 2>> out;
    if (a) {
        for (const auto& row : *a) {
            const toml::array* r = row.as_array();
            if (!r || r->size() != 2 || !(*r)[0].is_number() || !(*r)[1].is_number()) { a = nullptr; break; }
            double x = (*r)[0].value<double>().value_or(NAN), y = (*r)[1].value<double>().value_or(NAN);
            if (!std::isfinite(x) || !std::isfinite(y)) { a = nullptr; break; }
            out.push_back({x, y});
        }
    }
    if (!a || out.size() < minRows) {
        f.error(key, "expected an array of at least " + std::to_string(minRows) + " [a, b] pairs of finite numbers");
        return std::nullopt;
    }
    return out;
}

// A time series [[t, value], ...]: times strictly increasing from >= 0, values in [0, maxValue].
bool series(TomlFields& f, const toml::table& t, const char* key, bool required, double maxValue,
            std::vector<double>& times, std::vector<double>& values) {
    auto rows = pairs(f, t, key, required, 1);
    if (!rows) return false;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        double ts = (*rows)[i][0], v = (*rows)[i][1];
        if (ts < 0.0 || (i > 0 && ts <= times.back())) {
            f.error(key, "row " + std::to_string(i + 1) + ": times must be >= 0 and strictly increasing");
            return false;
        }
        if (v < 0.0 || v > maxValue) {
            f.error(key, "row " + std::to_string(i + 1) + ": value must be in [0, " + std::to_string(static_cast<long long>(maxValue)) + "]");
            return false;
        }
        times.push_back(ts);
        values.push_back(v);
    }
    return true;
}

bool segment(TomlFields& f, const toml::table& t, double& x0, double& y0, double& x1, double& y1) {
    auto rows = pairs(f, t, "segment", true, 2);
    if (!rows) return false;
    if (rows->size() != 2) {
        f.error("segment", "expected [[x0, y0], [x1, y1]]");
        return false;
    }
    x0 = (*rows)[0][0]; y0 = (*rows)[0][1]; x1 = (*rows)[1][0]; y1 = (*rows)[1][1];
    return true;
}

// [flood]: the shallow-water model over a DEM, with river inflows, rain and levee breaches.
// The DEM itself is read (and the segments checked against it) by the app.
void readFlood(TomlFields& root, ScenarioDef& def, const std::string& baseDir) {
    const toml::table* t = root.table("flood", false);
    if (!t) return;
    TomlFields f(*t, def.path, "flood", root.errorsRef());
    FloodDef fl;
    fl.source = sourceOf(f, "flood");
    if (auto v = f.str("dem", true)) fl.demPath = fileRef(f, def, "dem", joinPath(baseDir, *v));
    if (auto v = f.num("manning", false, 0.0, 1.0)) fl.manningN = *v;
    if (auto v = f.num("cell_m", false, 0.1, 100.0)) fl.cellM = *v;
    series(f, *t, "rain", false, kMaxRainMmPerH, fl.rainTimesS, fl.rainMmPerH);
    auto inflows = f.tables("inflow");
    for (std::size_t i = 0; i < inflows.size(); ++i) {
        std::string path = "flood.inflow[" + std::to_string(i) + "]";
        TomlFields inf(*inflows[i], def.path, path, root.errorsRef());
        FloodInflowDef in;
        in.source = sourceOf(inf, path);
        segment(inf, *inflows[i], in.x0, in.y0, in.x1, in.y1);
        series(inf, *inflows[i], "hydrograph", true, kMaxInflowM3s, in.timesS, in.dischargeM3s);
        fl.inflows.push_back(std::move(in));
    }
    auto breaches = f.tables("breach");
    for (std::size_t i = 0; i < breaches.size(); ++i) {
        std::string path = "flood.breach[" + std::to_string(i) + "]";
        TomlFields bf(*breaches[i], def.path, path, root.errorsRef());
        FloodBreachDef b;
        b.source = sourceOf(bf, path);
        if (auto v = bf.num("at_s", true, 0.0, kBig)) b.atS = *v;
        segment(bf, *breaches[i], b.x0, b.y0, b.x1, b.y1);
        if (auto v = bf.num("crest_m", true, -500.0, 9000.0)) b.crestM = *v;
        if (auto v = bf.num("width_m", false, 0.1, 1000.0)) b.widthM = *v;
        fl.breaches.push_back(std::move(b));
    }
    auto vehicles = f.tables("vehicle");
    for (std::size_t i = 0; i < vehicles.size(); ++i) {
        std::string path = "flood.vehicle[" + std::to_string(i) + "]";
        TomlFields vf(*vehicles[i], def.path, path, root.errorsRef());
        FloodVehicleDef v;
        v.source = sourceOf(vf, path);
        if (auto id = vf.str("id", true)) {
            for (const auto& other : fl.vehicles)
                if (other.id == *id) vf.error("id", "duplicate vehicle id '" + *id + "'");
            v.id = *id;
        }
        if (auto p = vf.numbers("position", true, 2)) {
            v.x = (*p)[0];
            v.y = (*p)[1];
        }
        if (auto k = vf.str("kind", true)) {
            if (*k != "small_car" && *k != "large_car" && *k != "4wd")
                vf.error("kind", "expected \"small_car\", \"large_car\" or \"4wd\"");
            v.kind = *k;
        }
        fl.vehicles.push_back(std::move(v));
    }
    if (auto route = pairs(f, *t, "crowd_route", false, 1)) {
        for (const auto& p : *route) {
            fl.crowdRouteXM.push_back(p[0]);
            fl.crowdRouteYM.push_back(p[1]);
        }
        fl.crowdRouteLine = f.lineOf("crowd_route");
    }
    if (fl.inflows.empty() && fl.rainTimesS.empty())
        f.error("inflow", "a flood needs at least one [[flood.inflow]] or rain");
    def.flood = std::move(fl);
}

// [earthquake]: a ground-motion record (a CSV file) or a parametric one, the rooms whose
// storey structure can break, and scripted partial collapses. Room names are checked against
// the district and the record file is read by the app.
// A shaking's ground motion: a record (CSV) or the parametric model, not both.
void readShaking(TomlFields& f, ScenarioDef& def, const std::string& baseDir, ShakingDef& s) {
    const bool parametric = f.has("pga_g") || f.has("period_s") || f.has("duration_s") || f.has("record_seed");
    if (f.has("record") == parametric) f.error("record", "give either record (a CSV file) or the parametric pga_g, period_s, duration_s");
    if (auto v = f.str("record", false)) s.recordPath = fileRef(f, def, "record", joinPath(baseDir, *v));
    if (auto v = f.num("pga_g", parametric, 0.01, 3.0)) s.pgaG = *v;
    if (auto v = f.num("period_s", false, 0.05, 5.0)) s.periodS = *v;
    if (auto v = f.num("duration_s", false, 1.0, 300.0)) s.durationS = *v;
    if (auto v = f.integer("record_seed", false, 0, (1LL << 62))) s.recordSeed = static_cast<std::uint64_t>(*v);
    // JMA 0.5 is barely felt; 7.5 is beyond any record (the strongest measured, 2011, 6.7 at K-NET Tsukidate).
    if (auto v = f.num("jma_intensity", false, 0.5, 7.5)) s.jmaIntensity = *v;
}

void readEarthquake(TomlFields& root, ScenarioDef& def, const std::string& baseDir) {
    const toml::table* t = root.table("earthquake", false);
    if (!t) return;
    TomlFields f(*t, def.path, "earthquake", root.errorsRef());
    EarthquakeDef eq;
    eq.source = sourceOf(f, "earthquake");
    if (auto v = f.boolean("ground_motion", false)) eq.groundMotion = *v;
    if (auto v = f.num("at_s", eq.groundMotion, 0.0, kBig)) eq.atS = *v;
    if (auto v = f.str("building", true)) eq.building = *v;
    if (!eq.groundMotion) {
        for (const char* k : {"at_s", "record", "pga_g", "period_s", "duration_s", "record_seed", "jma_intensity", "aftershock"})
            if (f.has(k)) f.error(k, "not with ground_motion = false (the ground stays still)");
    } else {
        readShaking(f, def, baseDir, eq.shaking);
    }
    if (auto v = f.strings("structure_rooms", false)) eq.structureRooms = *v;
    if (auto v = f.num("design_pga_g", false, 0.0, 2.0)) eq.designPgaG = *v;
    if (auto v = f.str("floor_response", false)) {
        if (*v == "sway" || *v == "asce7") eq.floorResponse = *v;
        else f.error("floor_response", "must be \"asce7\" (ASCE 7's floor amplification) or \"sway\" (the building's own vibration)");
    }
    if (eq.floorResponse != "sway")
        for (const char* k : {"building_period_s", "building_damping", "building_yield_coefficient", "building_type", "seismic_design"})
            if (f.has(k)) f.error(k, "only with floor_response = \"sway\"");
    if (auto v = f.num("building_period_s", false, 0.0, 20.0)) {
        eq.buildingPeriodS = *v;
        if (*v > 0.0 && *v < 0.02) f.error("building_period_s", "must be 0 (ASCE 7's approximate period) or in [0.02, 20] s");
    }
    if (auto v = f.num("building_damping", false, 0.0, 0.5)) {
        eq.buildingDamping = *v;
        if (*v <= 0.0) f.error("building_damping", "must be in (0, 0.5]");
    }
    if (auto v = f.num("building_yield_coefficient", false, 0.0, 2.0)) {
        eq.buildingYieldCoefficient = *v;
        if (*v > 0.0 && *v < 0.02)
            f.error("building_yield_coefficient", "must be 0 (elastic) or in [0.02, 2] (the first storey's yield shear over the weight)");
    }
    // Checked against HAZUS's table when the session builds the earthquake (EarthquakeHazard).
    if (auto v = f.str("building_type", false)) eq.buildingType = *v;
    if (auto v = f.str("seismic_design", false)) eq.seismicDesign = *v;
    if (f.has("building_type") != f.has("seismic_design"))
        f.error(f.has("building_type") ? "seismic_design" : "building_type",
                "grading the storeys' damage needs both building_type (HAZUS's model building type, e.g. \"C1M\") and seismic_design "
                "(\"high\", \"moderate\", \"low\" or \"pre\")");
    if (auto v = f.boolean("furniture", false)) eq.furniture = *v;
    if (auto v = f.boolean("doors", false)) eq.doors = *v;
    if (auto v = f.num("bookcase_tie_n", false, 0.0, 1.0e5)) {
        eq.bookcaseTieN = *v;
        if (!eq.furniture && *v > 0.0) f.error("bookcase_tie_n", "ties bookcases, but furniture = false puts none in");
    }
    auto collapses = f.tables("collapse");
    for (std::size_t i = 0; i < collapses.size(); ++i) {
        std::string path = "earthquake.collapse[" + std::to_string(i) + "]";
        TomlFields cf(*collapses[i], def.path, path, root.errorsRef());
        CollapseDef c;
        c.source = sourceOf(cf, path);
        if (auto v = cf.num("at_s", true, 0.0, kBig)) c.atS = *v;
        if (auto v = cf.str("room", true)) {
            c.room = *v;
            bool listed = false;
            for (const auto& r : eq.structureRooms) listed = listed || r == *v;
            if (!listed) cf.error("room", "'" + *v + "' is not one of earthquake.structure_rooms");
        }
        auto from = cf.numbers("from", false, 2), to = cf.numbers("to", false, 2);
        if (from.has_value() != to.has_value()) cf.error("from", "give both from and to (plan corners), or neither");
        if (from && to) {
            c.hasPart = true;
            c.x0 = std::min((*from)[0], (*to)[0]);
            c.y0 = std::min((*from)[1], (*to)[1]);
            c.x1 = std::max((*from)[0], (*to)[0]);
            c.y1 = std::max((*from)[1], (*to)[1]);
            if (c.x1 - c.x0 < 0.1 || c.y1 - c.y0 < 0.1) cf.error("to", "the part must be at least 0.1 m on each side");
        }
        eq.collapses.push_back(std::move(c));
    }
    auto aftershocks = f.tables("aftershock");
    for (std::size_t i = 0; i < aftershocks.size() && eq.groundMotion; ++i) {
        std::string path = "earthquake.aftershock[" + std::to_string(i) + "]";
        TomlFields af(*aftershocks[i], def.path, path, root.errorsRef());
        AftershockDef a;
        a.source = sourceOf(af, path);
        if (auto v = af.num("at_s", true, 0.0, kBig)) a.atS = *v;
        readShaking(af, def, baseDir, a.shaking);
        // Each after the shaking before it has stopped (a record's length is known only once it
        // is read: EarthquakeHazard::build checks those).
        const double before = eq.aftershocks.empty() ? eq.atS : eq.aftershocks.back().atS;
        const ShakingDef& prev = eq.aftershocks.empty() ? eq.shaking : eq.aftershocks.back().shaking;
        if (prev.recordPath.empty() && a.atS < before + prev.durationS) {
            char text[96];
            std::snprintf(text, sizeof text, "must be after the shaking before it has stopped (at %g s)", before + prev.durationS);
            af.error("at_s", text);
        }
        eq.aftershocks.push_back(std::move(a));
    }
    auto casualties = f.tables("casualty");
    std::set<std::string> casualtyIds;
    for (std::size_t i = 0; i < casualties.size(); ++i) {
        std::string path = "earthquake.casualty[" + std::to_string(i) + "]";
        TomlFields cf(*casualties[i], def.path, path, root.errorsRef());
        CasualtyDef c;
        c.source = sourceOf(cf, path);
        if (auto v = cf.str("id", true)) {
            c.id = *v;
            if (!casualtyIds.insert(*v).second) cf.error("id", "duplicate casualty id '" + *v + "'");
        }
        if (auto v = vec3(cf, "position", true)) c.position = *v;
        eq.casualties.push_back(std::move(c));
    }
    def.earthquake = std::move(eq);
}

void readRubric(TomlFields& root, ScenarioDef& def) {
    const toml::table* t = root.table("rubric", true);
    if (!t) return;
    TomlFields f(*t, def.path, "rubric", root.errorsRef());
    if (auto v = f.str("id", true)) def.rubric.id = *v;
    if (auto v = f.num("pass_percent", false, 0.0, 100.0)) def.rubric.passPercent = *v;
    auto tables = f.tables("criterion");
    if (tables.empty()) f.error("criterion", "a rubric needs at least one [[rubric.criterion]]");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        std::string path = "rubric.criterion[" + std::to_string(i) + "]";
        const toml::table& ct = *tables[i];
        TomlFields cf(ct, def.path, path, root.errorsRef());
        CriterionSpec c;
        c.source = sourceOf(cf, path);
        if (auto v = cf.str("id", true)) {
            c.id = *v;
            if (!ids.insert(*v).second) cf.error("id", "duplicate criterion id '" + *v + "'");
        }
        if (auto v = cf.str("kind", true)) c.kind = *v;
        if (auto v = cf.str("description", true)) c.description = *v;
        if (auto v = cf.num("points", true, 0.0, 1e6)) c.points = *v;
        // The remaining keys are the kind's parameters; engine/score checks them.
        for (const auto& [key, node] : ct) {
            std::string k(key.str());
            if (k == "id" || k == "kind" || k == "description" || k == "points") continue;
            c.keyLines[k] = static_cast<int>(key.source().begin.line);
            if (node.is_number()) {
                if (auto v = cf.num(k.c_str(), true, -kBig, kBig)) c.numbers[k] = *v;
            } else if (node.is_boolean()) {
                if (auto v = cf.boolean(k.c_str(), true)) c.flags[k] = *v;
            } else if (auto v = cf.strings(k.c_str(), true)) {
                c.strings[k] = *v;
            }
        }
        def.rubric.criteria.push_back(std::move(c));
    }
    // The kinds' parameters are checked by engine/score; its errors get this file's lines.
    if (root.errorsRef().empty()) {
        auto rubric = buildRubric(def.rubric);
        if (!rubric) root.errorsRef().push_back(rubric.error());
    }
}

}  // namespace

ScenarioLoad parseScenario(const std::string& text, const std::string& path) {
    ScenarioLoad out;
    out.def.path = path;
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        out.errors.push_back(makeError(std::string(e.description()), path, static_cast<int>(e.source().begin.line), "(syntax)"));
        return out;
    }
    const std::string baseDir = parentPath(path);
    {
        TomlFields f(root, path, "", out.errors);
        readScenarioTable(f, out.def, baseDir);
        readTrainee(f, out.def);
        readFires(f, out.def);
        readSprinklers(f, out.def);
        readTimeline(f, out.def);
        readCrowd(f, out.def);
        readFlood(f, out.def, baseDir);
        readEarthquake(f, out.def, baseDir);
        readRubric(f, out.def);
    }
    return out;
}

ScenarioLoad loadScenario(const std::string& path) {
    auto text = readTextFile(path);
    if (!text) {
        ScenarioLoad out;
        out.def.path = path;
        out.errors.push_back(text.error());
        return out;
    }
    ScenarioLoad out = parseScenario(*text, path);
    for (const auto& [file, where] : out.def.referencedFiles) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec)) out.errors.push_back(makeError("no such file: " + file, where.file, where.line, where.field));
    }
    return out;
}

}  // namespace cd::scenario
