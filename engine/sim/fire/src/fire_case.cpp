// TOML case-file parser: the only file of the module that sees toml++. Every value is checked
// where it is read, so errors carry the line of the offending key; unknown keys are errors.
#include "fire/fire_case.h"

#include <cmath>
#include <cstdio>
#include <optional>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "core/files.h"

namespace cd::fire {

namespace {

struct QuantityName {
    ProbeQuantity q;
    const char* name;
};
constexpr QuantityName kQuantityNames[] = {
    {ProbeQuantity::LayerHeightM, "layer_height_m"}, {ProbeQuantity::UpperTempC, "upper_temp_c"},
    {ProbeQuantity::LowerTempC, "lower_temp_c"},     {ProbeQuantity::TempC, "temp_c"},
    {ProbeQuantity::VisibilityM, "visibility_m"},    {ProbeQuantity::VisibilityLitSignM, "visibility_lit_m"},
    {ProbeQuantity::CoPpm, "co_ppm"},                {ProbeQuantity::Co2Pct, "co2_pct"},
    {ProbeQuantity::O2Pct, "o2_pct"},                {ProbeQuantity::HcnPpm, "hcn_ppm"},
    {ProbeQuantity::SootKgM3, "soot_kg_m3"},         {ProbeQuantity::Fed, "fed"},
    {ProbeQuantity::FedAsphyxiant, "fed_asphyxiant"}, {ProbeQuantity::FedHeat, "fed_heat"},
    {ProbeQuantity::PressurePa, "pressure_pa"},      {ProbeQuantity::HrrKw, "hrr_kw"},
    {ProbeQuantity::PlumeTempC, "plume_temp_c"},     {ProbeQuantity::PlumeKgS, "plume_kg_s"},
    {ProbeQuantity::FlameHeightM, "flame_height_m"}, {ProbeQuantity::JetTempC, "jet_temp_c"},
    {ProbeQuantity::JetVelocityMps, "jet_velocity_mps"}, {ProbeQuantity::OutKgS, "out_kg_s"},
    {ProbeQuantity::InKgS, "in_kg_s"},               {ProbeQuantity::RadiantFluxKwM2, "radiant_flux_kw_m2"},
};

std::string quantityNames(bool opening) {
    std::string out;
    for (const auto& e : kQuantityNames)
        if (isOpeningQuantity(e.q) == opening) out += (out.empty() ? "" : ", ") + std::string(e.name);
    return out;
}

int lineOf(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

// What a value is, in the words of the TOML spec, for error messages.
const char* typeName(const toml::node& n) {
    switch (n.type()) {
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a float";
        case toml::node_type::string: return "a string";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::array: return "an array";
        case toml::node_type::table: return "a table";
        default: return "a date or time";
    }
}

// Reads the keys of one table, remembering the first error.
class TableReader {
public:
    TableReader(const toml::table& t, std::string section, const std::string& file, Status& status)
        : t_(t), section_(std::move(section)), file_(file), status_(status) {}

    int line() const { return lineOf(t_); }

    bool has(const char* key) {
        seen_.insert(key);
        return t_.contains(key);
    }

    void fail(const std::string& msg, const char* key, const toml::node* at = nullptr) {
        if (!status_) return;
        status_ = makeError(msg, file_, at ? lineOf(*at) : line(), section_ + "." + key);
    }

    // Number (integer or float) > lo (or >= lo when inclusive); missing -> unchanged unless required.
    void number(const char* key, double& out, bool required = false) {
        seen_.insert(key);
        const toml::node* n = t_.get(key);
        if (!n) {
            if (required) fail("missing required field", key);
            return;
        }
        if (auto v = n->value<double>(); v && std::isfinite(*v)) {
            out = *v;
        } else {
            fail(n->is_number() ? std::string("must be a finite number")
                                : std::string("must be a number, not ") + typeName(*n),
                 key, n);
        }
    }
    void positive(const char* key, double& out, bool required = false) {
        number(key, out, required);
        if (t_.get(key) && !(out > 0)) fail("must be > 0", key, t_.get(key));
    }
    // A number in [lo, hi]; what names the range in the message.
    void within(const char* key, double& out, double lo, double hi, const char* what, bool required = false) {
        number(key, out, required);
        if (t_.get(key) && status_ && !(out >= lo && out <= hi)) {
            std::ostringstream msg;
            msg << "must be from " << lo << " to " << hi << " (" << what << "), not " << out;
            fail(msg.str(), key, t_.get(key));
        }
    }
    void nonNegative(const char* key, double& out, bool required = false) {
        number(key, out, required);
        if (t_.get(key) && !(out >= 0)) fail("must be >= 0", key, t_.get(key));
    }
    void string(const char* key, std::string& out, bool required = false) {
        seen_.insert(key);
        const toml::node* n = t_.get(key);
        if (!n) {
            if (required) fail("missing required field", key);
            return;
        }
        if (auto v = n->value<std::string>()) out = *v;
        else fail(std::string("must be a string, not ") + typeName(*n), key, n);
    }
    // Only a TOML boolean: toml++'s value<bool>() also converts integers (open = 1 would read as
    // true), which would hide a typo or a misunderstanding of the field.
    void boolean(const char* key, bool& out) {
        seen_.insert(key);
        const toml::node* n = t_.get(key);
        if (!n) return;
        if (auto v = n->value_exact<bool>()) out = *v;
        else fail(std::string("must be true or false, not ") + typeName(*n), key, n);
    }
    /// [x, y]: a point in plan; `given` says whether the key was there.
    void planPoint(const char* key, double& x, double& y, bool& given) {
        seen_.insert(key);
        const toml::node* n = t_.get(key);
        if (!n) return;
        const toml::array* a = n->as_array();
        std::optional<double> vx, vy;
        if (a && a->size() == 2) vx = (*a)[0].value<double>(), vy = (*a)[1].value<double>();
        if (!vx || !vy || !std::isfinite(*vx) || !std::isfinite(*vy)) {
            fail("must be an array of 2 numbers [x, y]", key, n);
            return;
        }
        x = *vx;
        y = *vy;
        given = true;
    }
    void point(const char* key, Point3& out, bool required = false) {
        seen_.insert(key);
        const toml::node* n = t_.get(key);
        if (!n) {
            if (required) fail("missing required field", key);
            return;
        }
        const toml::array* a = n->as_array();
        if (!a || a->size() != 3) {
            fail("must be an array of 3 numbers [x, y, z]", key, n);
            return;
        }
        double v[3];
        for (int i = 0; i < 3; ++i) {
            auto x = (*a)[i].value<double>();
            if (!x || !std::isfinite(*x)) {
                fail("must be an array of 3 numbers [x, y, z]", key, n);
                return;
            }
            v[i] = *x;
        }
        out = Point3{v[0], v[1], v[2]};

    }
    const toml::node* node(const char* key) {
        seen_.insert(key);
        return t_.get(key);
    }
    // Every key must have been asked for: a misspelt key is an error, not a silent default.
    void rejectUnknown() {
        for (const auto& [k, v] : t_) {
            std::string key(k.str());
            if (!seen_.count(key)) {
                if (!status_) return;
                status_ = makeError("unknown field", file_, lineOf(v), section_ + "." + key);
                return;
            }
        }
    }

private:
    const toml::table& t_;
    std::string section_;
    const std::string& file_;
    Status& status_;
    std::set<std::string> seen_;
};

// A window's glass with the heat-transfer model (window_glass.h): its kind, then the panes.
void readGlazing(TableReader& r, GlazingDef& g) {
    std::string kind;
    r.string("glazing", kind);
    if (kind == "float") g.kind = GlassKind::Float;
    else if (kind == "toughened") g.kind = GlassKind::Toughened;
    else if (r.node("glazing")) r.fail("must be float or toughened", "glazing", r.node("glazing"));
    double panes = 1, thicknessMm = g.thicknessM * 1e3, gapMm = g.gapM * 1e3;
    r.number("panes", panes);
    r.number("glass_thickness_mm", thicknessMm);
    r.number("glass_gap_mm", gapMm);
    r.number("glass_breaking_stress_mpa", g.breakingStressMPa);
    for (const char* k : {"panes", "glass_thickness_mm", "glass_gap_mm", "glass_breaking_stress_mpa"})
        if (r.node(k) && g.kind == GlassKind::None)
            r.fail("describes heated glass: give glazing = \"float\" or \"toughened\" too", k, r.node(k));
    if (r.node("panes") && !(panes == 1.0 || panes == 2.0)) r.fail("must be 1 or 2", "panes", r.node("panes"));
    if (r.node("glass_gap_mm") && panes != 2.0) r.fail("only for double glazing (panes = 2)", "glass_gap_mm", r.node("glass_gap_mm"));
    g.panes = panes == 2.0 ? 2 : 1;
    g.thicknessM = thicknessMm * 1e-3;
    g.gapM = gapMm * 1e-3;
}

void readFireFields(TableReader& r, FireDef& f, Status& status, const std::string& file) {
    std::string growth;
    r.string("growth", growth);
    if (!growth.empty()) {
        if (growth == "slow") f.alphaKwS2 = kAlphaSlow;
        else if (growth == "medium") f.alphaKwS2 = kAlphaMedium;
        else if (growth == "fast") f.alphaKwS2 = kAlphaFast;
        else if (growth == "ultrafast") f.alphaKwS2 = kAlphaUltrafast;
        else r.fail("must be slow, medium, fast or ultrafast", "growth", r.node("growth"));
    }
    if (r.has("alpha")) r.positive("alpha", f.alphaKwS2);
    if (r.has("peak_hrr_kw")) {
        r.number("peak_hrr_kw", f.peakHrrKw);
        if (!(f.peakHrrKw >= 0)) r.fail("heat release rate must be >= 0", "peak_hrr_kw", r.node("peak_hrr_kw"));
    }
    if (const toml::node* n = r.node("hrr_table")) {
        const toml::array* a = n->as_array();
        if (!a || a->empty()) r.fail("must be an array of [time_s, hrr_kw] pairs", "hrr_table", n);
        else
            for (const auto& e : *a) {
                const toml::array* p = e.as_array();
                auto t = p && p->size() == 2 ? (*p)[0].value<double>() : std::nullopt;
                auto q = p && p->size() == 2 ? (*p)[1].value<double>() : std::nullopt;
                if (!t || !q || !std::isfinite(*t) || !std::isfinite(*q)) {
                    r.fail("must be an array of [time_s, hrr_kw] pairs of finite numbers", "hrr_table", &e);
                    break;
                }
                if (*q < 0) {
                    r.fail("heat release rate must be >= 0", "hrr_table", &e);
                    break;
                }
                f.hrrTable.push_back({*t, *q});
            }
    }
    r.nonNegative("start_s", f.startS);
    r.positive("area_m2", f.areaM2);
    r.nonNegative("fuel_mass_kg", f.fuelMassKg);
    r.positive("heat_of_combustion_kj_kg", f.heatOfCombustionKjKg);
    r.nonNegative("radiative_fraction", f.radiativeFraction);
    r.nonNegative("soot_yield", f.sootYield);
    r.nonNegative("co_yield", f.coYield);
    r.nonNegative("hcn_yield", f.hcnYield);
    if (const toml::node* n = r.node("formula")) {
        const toml::table* t = n->as_table();
        if (!t) {
            r.fail("must be a table {c, h, o, n}", "formula", n);
        } else {
            TableReader fr(*t, "formula", file, status);
            fr.nonNegative("c", f.carbonAtoms);
            fr.nonNegative("h", f.hydrogenAtoms);
            fr.nonNegative("o", f.oxygenAtoms);
            fr.nonNegative("n", f.nitrogenAtoms);
            fr.rejectUnknown();
        }
    }
    std::string cls;
    r.string("class", cls);
    if (!cls.empty() && !parseFireClass(cls, f.fireClass)) r.fail("must be A, B, C, E or F", "class", r.node("class"));
}

// A reference to a room must name one defined in the file (rooms are read first).
void checkRoomRef(TableReader& r, const char* key, const std::string& id, const FireModelDef& d, bool allowOutside) {
    if (id.empty() || (allowOutside && id == kOutside)) return;
    for (const auto& room : d.rooms)
        if (room.id == id) return;
    r.fail("unknown room '" + id + "'", key, r.node(key));
}

template <class F>
void eachTable(const toml::table& root, const char* name, const std::string& file, Status& status, F&& fn) {
    const toml::node* n = root.get(name);
    if (!n || !status) return;
    const toml::array* a = n->as_array();
    if (!a) {
        status = makeError("must be an array of tables ([[" + std::string(name) + "]])", file, lineOf(*n), name);
        return;
    }
    for (const auto& e : *a) {
        const toml::table* t = e.as_table();
        if (!t) {
            status = makeError("must be a table", file, lineOf(e), name);
            return;
        }
        TableReader r(*t, name, file, status);
        fn(r);
        r.rejectUnknown();
        if (!status) return;
    }
}

}  // namespace

bool isOpeningQuantity(ProbeQuantity q) { return q == ProbeQuantity::OutKgS || q == ProbeQuantity::InKgS; }

const char* probeQuantityName(ProbeQuantity q) {
    for (const auto& e : kQuantityNames)
        if (e.q == q) return e.name;
    return nullptr;
}

bool parseProbeQuantity(std::string_view name, ProbeQuantity& out) {
    for (const auto& e : kQuantityNames)
        if (name == e.name) {
            out = e.q;
            return true;
        }
    return false;
}

Result<FireCase> parseFireCase(std::string_view text, const std::string& file) {
    toml::table root;
    try {
        root = toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        return makeError(std::string(e.description()), file, static_cast<int>(e.source().begin.line), "toml");
    }
    FireCase c;
    FireModelDef& d = c.model;
    d.sourceFile = file;
    Status status = Ok{};
    static const std::set<std::string> kSections = {"settings", "material", "room",  "opening", "connection", "fan", "fire",
                                                    "detector", "sprinkler", "item", "extinguisher", "spray", "probe"};
    for (const auto& [k, v] : root)
        if (!kSections.count(std::string(k.str())))
            return makeError("unknown section", file, lineOf(v), std::string(k.str()));

    if (const toml::node* n = root.get("settings")) {
        if (!n->as_table()) return makeError("must be a table", file, lineOf(*n), "settings");
        TableReader r(*n->as_table(), "settings", file, status);
        r.number("ambient_temp_c", d.ambientTempC);
        r.positive("ambient_pressure_pa", d.ambientPressurePa);
        r.positive("max_step_s", d.maxStepS);
        r.nonNegative("lower_oxygen_limit_pct", d.lowerOxygenLimitPct);
        r.positive("flashover_temp_c", d.flashoverTempC);
        r.positive("flashover_floor_flux_kw_m2", d.flashoverFloorFluxKwM2);
        r.boolean("door_jet_fires", d.doorJetFires);
        r.boolean("ceiling_jet_convection", d.ceilingJetConvection);
        r.boolean("door_mixing", d.doorMixing);
        r.boolean("soot_deposition", d.sootDeposition);
        if (r.has("door_jet_ignition_temp_c")) {
            r.number("door_jet_ignition_temp_c", d.doorJetIgnitionTempC);
            if (status && !(d.doorJetIgnitionTempC > d.ambientTempC))
                r.fail("must be above ambient_temp_c", "door_jet_ignition_temp_c", r.node("door_jet_ignition_temp_c"));
        }
        r.rejectUnknown();
    }
    std::vector<WallMaterial> materials;
    eachTable(root, "material", file, status, [&](TableReader& r) {
        WallMaterial m;
        r.string("id", m.name, true);
        // The span of solid building materials, with room to spare: from aerogel and mineral
        // wool (0.013-0.04 W/m/K) to copper (400), from aerogel (a few kg/m3) to lead (11 340),
        // from lead's 129 J/kg/K to wet timber's 2-3 kJ/kg/K; a layer from foil to a thick
        // wall. Outside these a value is a slip of the keyboard or of the units.
        r.within("conductivity_w_mk", m.conductivityWMK, 0.005, 500.0, "W/m/K, real solids", true);
        r.within("density_kg_m3", m.densityKgM3, 1.0, 25000.0, "kg/m3, real solids", true);
        r.within("specific_heat_j_kgk", m.specificHeatJKgK, 100.0, 5000.0, "J/kg/K, real solids", true);
        r.within("thickness_m", m.thicknessM, 0.0001, 5.0, "m, a lining to a thick wall", true);
        r.within("emissivity", m.emissivity, 0.01, 1.0, "a surface's emissivity");
        materials.push_back(m);
    });
    eachTable(root, "room", file, status, [&](TableReader& r) {
        RoomDef room;
        room.line = r.line();
        r.string("id", room.id, true);
        r.point("origin", room.originM);
        r.point("size", room.sizeM, true);
        // A lining by name: a built-in material or one of the case's [[material]] tables.
        auto lining = [&](const char* key, WallMaterial& out) {
            std::string name;
            r.string(key, name);
            if (name.empty()) return false;
            bool found = builtinWallMaterial(name, out);
            for (const auto& m : materials)
                if (m.name == name) out = m, found = true;
            if (!found) r.fail("unknown material '" + name + "'", key, r.node(key));
            return found;
        };
        lining("wall", room.wall);
        if (WallMaterial m; lining("ceiling", m)) room.ceiling = m;
        if (WallMaterial m; lining("floor", m)) room.floor = m;
        r.nonNegative("leakage_area_m2", room.leakageAreaM2);
        r.boolean("corridor", room.corridor);
        if (r.node("size") && status && !(room.sizeM.x > 0 && room.sizeM.y > 0 && room.sizeM.z > 0))
            r.fail("room has zero volume (every size must be > 0)", "size", r.node("size"));
        d.rooms.push_back(room);
    });
    eachTable(root, "opening", file, status, [&](TableReader& r) {
        OpeningDef o;
        o.line = r.line();
        r.string("id", o.id);
        if (o.id.empty()) o.id = "opening" + std::to_string(d.openings.size() + 1);
        r.string("from", o.roomA, true);
        r.string("to", o.roomB);
        checkRoomRef(r, "from", o.roomA, d, false);
        checkRoomRef(r, "to", o.roomB, d, true);
        std::string kind = "wall";
        r.string("kind", kind);
        if (kind == "ceiling") {
            // A horizontal vent: its size is an area (and a shape), not a width, height and sill.
            o.kind = OpeningKind::Ceiling;
            o.dischargeCoeff = 0.68;  // CFAST's ceiling-vent coefficient
            for (const char* k : {"width", "height", "sill"})
                if (r.node(k)) r.fail("not used by a ceiling vent (give area_m2 and shape)", k, r.node(k));
            r.positive("area_m2", o.areaM2, true);
            std::string shape = "square";
            r.string("shape", shape);
            if (shape == "round") o.shape = VentShape::Round;
            else if (shape != "square") r.fail("must be square or round", "shape", r.node("shape"));
        } else {
            if (kind != "wall") r.fail("must be wall or ceiling", "kind", r.node("kind"));
            for (const char* k : {"area_m2", "shape"})
                if (r.node(k)) r.fail("only for ceiling vents (kind = \"ceiling\")", k, r.node(k));
            r.positive("width", o.widthM, true);
            r.positive("height", o.heightM, true);
            r.nonNegative("sill", o.sillM);
            r.planPoint("plan_center", o.centerXM, o.centerYM, o.placed);
            readGlazing(r, o.glazing);
        }
        r.positive("glass_breaks_at_c", o.glassBreaksAtC);
        r.boolean("open", o.open);
        r.nonNegative("open_at", o.openAtS);
        r.nonNegative("close_at", o.closeAtS);
        r.positive("discharge_coefficient", o.dischargeCoeff);
        d.openings.push_back(o);
    });
    eachTable(root, "connection", file, status, [&](TableReader& r) {
        ConnectionDef c;
        c.line = r.line();
        r.string("from", c.roomA, true);
        r.string("to", c.roomB, true);
        checkRoomRef(r, "from", c.roomA, d, false);
        checkRoomRef(r, "to", c.roomB, d, true);  // outside: validate says why not
        d.connections.push_back(c);
    });
    eachTable(root, "fan", file, status, [&](TableReader& r) {
        FanDef fan;
        fan.line = r.line();
        r.string("id", fan.id);
        if (fan.id.empty()) fan.id = "fan" + std::to_string(d.fans.size() + 1);
        r.string("from", fan.from);
        r.string("to", fan.to);
        checkRoomRef(r, "from", fan.from, d, true);
        checkRoomRef(r, "to", fan.to, d, true);
        if (status && fan.from == kOutside && fan.to == kOutside)
            r.fail("a fan moves gas between two different places (set from or to to a room)", "to", r.node("to"));
        r.positive("flow_m3_s", fan.flowM3S, true);
        // The inlet height chooses the layer the fan draws from: required whenever it is in a room.
        r.nonNegative("from_height", fan.fromHeightM, fan.from != kOutside);
        if (fan.from == kOutside && r.node("from_height"))
            r.fail("only for a fan drawing from a room", "from_height", r.node("from_height"));
        r.nonNegative("to_height", fan.toHeightM, fan.to != kOutside);
        if (fan.to == kOutside && r.node("to_height"))
            r.fail("only for a fan blowing into a room", "to_height", r.node("to_height"));
        r.boolean("on", fan.on);
        r.nonNegative("on_at", fan.onAtS);
        r.nonNegative("off_at", fan.offAtS);
        r.nonNegative("cutoff_start_pa", fan.cutoffStartPa);
        r.positive("cutoff_end_pa", fan.cutoffEndPa);
        // Percent, as CFAST 7's MVENT FILTER_EFFICIENCY; kept as a fraction.
        double filterPct = 0;
        r.number("filter_efficiency", filterPct);
        if (r.node("filter_efficiency") && !(filterPct >= 0 && filterPct <= 100))
            r.fail("must be a percentage from 0 to 100", "filter_efficiency", r.node("filter_efficiency"));
        fan.filterEfficiency = filterPct / 100.0;
        r.nonNegative("filter_at", fan.filterAtS);
        d.fans.push_back(fan);
    });
    eachTable(root, "fire", file, status, [&](TableReader& r) {
        FireDef f;
        f.line = r.line();
        r.string("id", f.id);
        if (f.id.empty()) f.id = "fire" + std::to_string(d.fires.size() + 1);
        r.string("room", f.room, true);
        checkRoomRef(r, "room", f.room, d, false);
        r.point("position", f.positionM, true);
        readFireFields(r, f, status, file);
        d.fires.push_back(f);
    });
    eachTable(root, "detector", file, status, [&](TableReader& r) {
        DetectorDef det;
        det.line = r.line();
        r.string("id", det.id, true);
        r.string("room", det.room, true);
        checkRoomRef(r, "room", det.room, d, false);
        r.point("position", det.positionM, true);
        std::string kind = "smoke";
        r.string("kind", kind);
        if (kind == "smoke") det.kind = DetectorKind::Smoke;
        else if (kind == "heat") det.kind = DetectorKind::Heat;
        else r.fail("must be smoke or heat", "kind", r.node("kind"));
        r.number("activation_temp_c", det.activationTempC);
        r.positive("rti", det.rtiMS);
        r.nonNegative("c_factor", det.cFactor);
        r.positive("obscuration_pct_per_m", det.obscurationPctPerM);
        r.nonNegative("characteristic_length_m", det.characteristicLengthM);
        d.detectors.push_back(det);
    });
    eachTable(root, "sprinkler", file, status, [&](TableReader& r) {
        SprinklerDef s;
        s.line = r.line();
        r.string("id", s.id, true);
        r.string("room", s.room, true);
        checkRoomRef(r, "room", s.room, d, false);
        r.point("position", s.positionM, true);
        r.number("activation_temp_c", s.activationTempC);
        r.positive("rti", s.rtiMS);
        r.nonNegative("c_factor", s.cFactor);
        r.positive("spray_density_mm_s", s.sprayDensityMmS);
        d.sprinklers.push_back(s);
    });
    eachTable(root, "item", file, status, [&](TableReader& r) {
        ItemDef it;
        it.line = r.line();
        r.string("id", it.id, true);
        r.string("room", it.room, true);
        checkRoomRef(r, "room", it.room, d, false);
        r.point("position", it.positionM, true);
        r.positive("critical_flux_kw_m2", it.criticalFluxKwM2);
        r.positive("flux_time_product_kj_m2", it.fluxTimeProductKjM2);
        r.positive("flux_time_exponent", it.fluxTimeExponent);
        r.nonNegative("ignite_at_s", it.igniteAtS);
        it.fire.line = it.line;
        it.fire.id = it.id;
        readFireFields(r, it.fire, status, file);
        d.items.push_back(it);
    });
    eachTable(root, "extinguisher", file, status, [&](TableReader& r) {
        ScheduledAgent a;
        a.line = r.line();
        r.string("fire", a.fire, true);
        if (const toml::node* fn = r.node("fire")) a.line = lineOf(*fn);
        std::string agent;
        r.string("agent", agent, true);
        if (!agent.empty() && agent != "hose" && !parseAgent(agent, a.application.agent))
            r.fail("must be water, foam, co2, powder, wet_chemical or hose", "agent", r.node("agent"));
        if (agent == "hose") a.application = hoseStream(60.0, 5.0);
        const auto& props = agentProperties(a.application.agent);
        if (agent != "hose") {
            a.application.flowKgS = props.flowKgS;
            a.application.durationS = props.dischargeTimeS;
        }
        r.nonNegative("start_s", a.startS);
        r.positive("flow_kg_s", a.application.flowKgS);
        r.positive("duration_s", a.application.durationS);
        r.nonNegative("distance_m", a.application.distanceM);
        r.positive("range_m", a.application.rangeM);
        c.agents.push_back(a);
    });
    eachTable(root, "spray", file, status, [&](TableReader& r) {
        ScheduledSpray w;
        w.line = r.line();
        r.string("room", w.room, true);
        checkRoomRef(r, "room", w.room, d, false);
        r.nonNegative("start_s", w.startS);
        r.number("flow_kg_s", w.spray.flowKgS);
        r.number("duration_s", w.spray.durationS);
        r.number("droplet_diameter_m", w.spray.dropletDiameterM);
        r.number("speed_m_s", w.spray.speedMS);
        r.number("elevation_deg", w.spray.elevationDeg);
        r.number("nozzle_height_m", w.spray.nozzleHeightM);
        r.number("water_temp_c", w.spray.waterTempC);
        // The ranges FireModel::sprayIntoLayer accepts, the nozzle within the room's height.
        double heightM = 1e9;
        for (const auto& room : d.rooms)
            if (room.id == w.room) heightM = room.sizeM.z;
        if (const SprayFault f = sprayFault(w.spray, heightM); f.field) r.fail(f.message, f.field, r.node(f.field));
        c.sprays.push_back(w);
    });
    eachTable(root, "probe", file, status, [&](TableReader& r) {
        ProbeDef p;
        p.line = r.line();
        r.string("id", p.id, true);
        // A point probe has a position; an opening probe names an opening instead.
        if (r.node("opening") && r.node("position")) {
            r.fail("give position (a point) or opening (a door, window or vent), not both", "opening", r.node("opening"));
            return;
        }
        r.string("opening", p.opening);
        if (!r.node("opening")) r.point("position", p.positionM, true);
        if (r.node("opening") && r.node("ventilation_l_min")) {
            r.fail("an opening probe breathes nothing: ventilation_l_min is for a point probe's FED", "ventilation_l_min",
                   r.node("ventilation_l_min"));
            return;
        }
        r.within("ventilation_l_min", p.ventilationLMin, 4.0, 200.0, "L/min of air breathed: 8.5 at rest, 25 light work, 50 heavy");
        // A probe's columns are named by its id, and it reads the room it stands in: a repeated
        // id would give two columns one name, a probe in no room would read ambient air.
        for (const ProbeDef& earlier : c.probes)
            if (earlier.id == p.id) {
                r.fail("duplicate probe id '" + p.id + "' (first at line " + std::to_string(earlier.line) + ")", "id",
                       r.node("id"));
                return;
            }
        if (r.node("opening")) {
            bool known = false;
            std::string ids;
            for (const OpeningDef& o : d.openings) {
                known = known || o.id == p.opening;
                ids += (ids.empty() ? "" : ", ") + o.id;
            }
            if (!known) {
                r.fail("unknown opening '" + p.opening + "' (openings: " + (ids.empty() ? "none" : ids) + ")", "opening",
                       r.node("opening"));
                return;
            }
        }
        bool inRoom = false;
        for (const RoomDef& room : d.rooms) inRoom = inRoom || roomContains(room, p.positionM);
        if (r.node("position") && !inRoom) {
            char where[96];
            std::snprintf(where, sizeof where, "(%g, %g, %g)", p.positionM.x, p.positionM.y, p.positionM.z);
            r.fail(std::string("position ") + where + " lies in no room", "position", r.node("position"));
            return;
        }
        const toml::node* q = r.node("quantities");
        if (!q) {
            r.fail("missing required field", "quantities");
            return;
        }
        const toml::array* a = q->as_array();
        if (!a || a->empty()) {
            r.fail("must be a non-empty array of quantity names", "quantities", q);
            return;
        }
        for (const auto& e : *a) {
            auto name = e.value<std::string>();
            ProbeQuantity pq;
            const bool opening = !p.opening.empty();
            if (!name || !parseProbeQuantity(*name, pq)) {
                r.fail("unknown quantity '" + (name ? *name : std::string("?")) + "' (" +
                           (opening ? "an opening probe reads " : "a point probe reads ") + quantityNames(opening) + ")",
                       "quantities", &e);
                return;
            }
            if (isOpeningQuantity(pq) != opening) {
                r.fail("quantity '" + *name + "' is read " + (opening ? "at a point: give the probe a position, not an opening"
                                                                      : "at an opening: give the probe an opening, not a position"),
                       "quantities", &e);
                return;
            }
            p.quantities.push_back(pq);
        }
        c.probes.push_back(p);
    });
    if (!status) return status.error();
    auto ok = validate(d);
    if (!ok) return ok.error();
    for (const auto& a : c.agents) {
        bool found = false;
        for (const auto& f : d.fires) found |= f.id == a.fire;
        for (const auto& it : d.items) found |= it.id == a.fire;
        if (!found) return makeError("unknown fire '" + a.fire + "'", file, a.line, "extinguisher.fire");
    }
    return c;
}

Result<FireCase> loadFireCase(const std::string& path) {
    auto text = readTextFile(path);
    if (!text) return text.error();
    return parseFireCase(*text, path);
}

}  // namespace cd::fire
