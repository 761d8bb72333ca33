// Reads crowd case files with toml++ (kept to this file). Every error names file, line, field.
#include <toml++/toml.h>

#include <cmath>

#include "core/files.h"
#include "crowd/crowd_case.h"

namespace cd::crowd {

namespace {

struct Reader {
    std::string file;

    int lineOf(const toml::node* n, int fallback) const {
        if (n && n->source().begin.line > 0) return static_cast<int>(n->source().begin.line);
        return fallback;
    }
    Error err(const toml::table& t, const char* field, const std::string& msg) const {
        return makeError(msg, file, lineOf(t.get(field), lineOf(&t, 0)), field);
    }

    Result<std::string> str(const toml::table& t, const char* field, bool required, std::string dflt = {}) const {
        const toml::node* n = t.get(field);
        if (!n) {
            if (required) return err(t, field, "missing (a string is required)");
            return dflt;
        }
        if (auto v = n->value<std::string>()) return *v;
        return err(t, field, "must be a string");
    }
    Result<double> num(const toml::table& t, const char* field, bool required, double dflt = 0.0) const {
        const toml::node* n = t.get(field);
        if (!n) {
            if (required) return err(t, field, "missing (a number is required)");
            return dflt;
        }
        if (auto v = n->value<double>(); v && std::isfinite(*v)) return *v;
        return err(t, field, "must be a finite number");
    }
    Result<Vec2> point(const toml::node& n, const toml::table& t, const char* field) const {
        const toml::array* a = n.as_array();
        if (!a || a->size() != 2) return makeError("each point must be [x, y]", file, lineOf(&n, lineOf(&t, 0)), field);
        auto x = (*a)[0].value<double>(), y = (*a)[1].value<double>();
        if (!x || !y || !std::isfinite(*x) || !std::isfinite(*y))
            return makeError("point coordinates must be finite numbers", file, lineOf(&n, lineOf(&t, 0)), field);
        return Vec2{*x, *y};
    }
    Result<std::vector<Vec2>> points(const toml::table& t, const char* field, bool required) const {
        const toml::node* n = t.get(field);
        if (!n) {
            if (required) return err(t, field, "missing (a list of [x, y] points is required)");
            return std::vector<Vec2>{};
        }
        const toml::array* a = n->as_array();
        if (!a) return err(t, field, "must be a list of [x, y] points");
        std::vector<Vec2> out;
        for (const toml::node& p : *a) {
            auto v = point(p, t, field);
            if (!v) return v.error();
            out.push_back(*v);
        }
        return out;
    }
    Result<Segment> segment(const toml::table& t, const char* field) const {
        auto pts = points(t, field, true);
        if (!pts) return pts.error();
        if (pts->size() != 2) return err(t, field, "a segment is exactly two points [[x1, y1], [x2, y2]]");
        return Segment{(*pts)[0], (*pts)[1]};
    }
    /// [lo, hi] range or a single number.
    Result<std::pair<double, double>> range(const toml::table& t, const char* field) const {
        const toml::node* n = t.get(field);
        if (auto v = n->value<double>()) return std::pair{*v, *v};
        const toml::array* a = n->as_array();
        if (!a || a->size() != 2) return err(t, field, "must be a number or a range [min, max]");
        auto lo = (*a)[0].value<double>(), hi = (*a)[1].value<double>();
        if (!lo || !hi || !(*lo <= *hi) || !std::isfinite(*lo) || !std::isfinite(*hi))
            return err(t, field, "range must be two finite numbers [min, max] with min <= max");
        return std::pair{*lo, *hi};
    }
};

template <class F>
Status forEachTable(const toml::table& root, const char* key, const Reader& r, F&& fn) {
    const toml::node* n = root.get(key);
    if (!n) return Ok{};
    const toml::array* arr = n->as_array();
    if (!arr) return makeError("must be an array of tables [[" + std::string(key) + "]]", r.file, r.lineOf(n, 0), key);
    for (const toml::node& e : *arr) {
        const toml::table* t = e.as_table();
        if (!t) return makeError("must be a table", r.file, r.lineOf(&e, 0), key);
        if (auto s = fn(*t); !s) return s;
    }
    return Ok{};
}

Status parseGeometry(const toml::table& root, const Reader& r, Building& b) {
    auto s = forEachTable(root, "area", r, [&](const toml::table& t) -> Status {
        Area a;
        a.sourceLine = r.lineOf(&t, 0);
        auto id = r.str(t, "id", true);
        if (!id) return id.error();
        a.id = *id;
        auto poly = r.points(t, "polygon", true);
        if (!poly) return poly.error();
        a.polygon = *poly;
        a.geometryLine = r.lineOf(t.get("polygon"), a.sourceLine);
        auto level = r.num(t, "level", false, 0.0);
        if (!level) return level.error();
        if (*level != std::floor(*level)) return r.err(t, "level", "must be a whole number");
        if (std::abs(*level) > kMaxLevel) return r.err(t, "level", "must be within +-" + std::to_string(kMaxLevel));
        a.level = static_cast<int>(*level);
        b.areas.push_back(std::move(a));
        return Ok{};
    });
    if (!s) return s;
    s = forEachTable(root, "obstacle", r, [&](const toml::table& t) -> Status {
        Obstacle o;
        o.sourceLine = r.lineOf(&t, 0);
        auto poly = r.points(t, "polygon", true);
        if (!poly) return poly.error();
        o.polygon = *poly;
        o.geometryLine = r.lineOf(t.get("polygon"), o.sourceLine);
        b.obstacles.push_back(std::move(o));
        return Ok{};
    });
    if (!s) return s;
    s = forEachTable(root, "door", r, [&](const toml::table& t) -> Status {
        Door d;
        d.sourceLine = r.lineOf(&t, 0);
        auto id = r.str(t, "id", true);
        if (!id) return id.error();
        d.id = *id;
        auto from = r.str(t, "from", true);
        if (!from) return from.error();
        d.fromArea = b.areaIndex(*from);
        if (d.fromArea < 0) return r.err(t, "from", "unknown area '" + *from + "'");
        auto to = r.str(t, "to", true);
        if (!to) return to.error();
        if (*to == "safe") d.toArea = kSafeArea;
        else if ((d.toArea = b.areaIndex(*to)) < 0) return r.err(t, "to", "unknown area '" + *to + "' (an area id or \"safe\")");
        auto seg = r.segment(t, "segment");
        if (!seg) return seg.error();
        d.segment = *seg;
        d.geometryLine = r.lineOf(t.get("segment"), d.sourceLine);
        if (const toml::node* o = t.get("open")) {
            // is_boolean, not value<bool>: toml++ would turn an integer into a boolean.
            if (!o->is_boolean()) return r.err(t, "open", "must be true or false");
            d.open = *o->value<bool>();
        }
        b.doors.push_back(std::move(d));
        return Ok{};
    });
    if (!s) return s;
    return forEachTable(root, "stair", r, [&](const toml::table& t) -> Status {
        Stair st;
        st.sourceLine = r.lineOf(&t, 0);
        auto id = r.str(t, "id", true);
        if (!id) return id.error();
        st.id = *id;
        for (auto [field, out] : {std::pair{"from", &st.fromArea}, std::pair{"to", &st.toArea}}) {
            auto v = r.str(t, field, true);
            if (!v) return v.error();
            *out = b.areaIndex(*v);
            if (*out < 0) return r.err(t, field, "unknown area '" + *v + "'");
        }
        auto len = r.num(t, "length_m", true);
        if (!len) return len.error();
        st.lengthM = *len;
        auto up = r.num(t, "up_speed_factor", false, kDefaultStairUpFactor);
        if (!up) return up.error();
        st.upSpeedFactor = *up;
        auto down = r.num(t, "down_speed_factor", false, kDefaultStairDownFactor);
        if (!down) return down.error();
        st.downSpeedFactor = *down;
        auto flow = r.num(t, "max_flow_per_m", false, kDefaultStairFlowPerMs);
        if (!flow) return flow.error();
        st.maxFlowPerMs = *flow;
        const bool hasFrom = t.get("from_segment"), hasTo = t.get("to_segment");
        if (hasFrom != hasTo) return r.err(t, hasFrom ? "to_segment" : "from_segment", "give both from_segment and to_segment, or neither");
        if (hasFrom) {
            auto fs = r.segment(t, "from_segment");
            if (!fs) return fs.error();
            auto ts = r.segment(t, "to_segment");
            if (!ts) return ts.error();
            st.fromSegment = *fs;
            st.toSegment = *ts;
            st.hasSegments = true;
        }
        b.stairs.push_back(std::move(st));
        return Ok{};
    });
}

Status parseGroups(const toml::table& root, const Reader& r, CrowdCase& c) {
    const Building& b = c.building;
    auto exitList = [&] {
        std::string s;
        for (int e : b.exits()) s += (s.empty() ? "" : ", ") + b.doors[e].id;
        return s.empty() ? std::string("none") : s;
    };
    auto exitDoor = [&](const toml::table& t, const char* field, const std::string& id) -> Result<int> {
        const int d = b.doorIndex(id);
        if (d < 0 || !b.doors[d].isExit()) return r.err(t, field, "unknown exit '" + id + "' (exits are: " + exitList() + ")");
        return d;
    };
    return forEachTable(root, "group", r, [&](const toml::table& t) -> Status {
        GroupSpec g;
        g.sourceLine = r.lineOf(&t, 0);
        g.countLine = r.lineOf(t.get("count"), g.sourceLine);
        auto id = r.str(t, "id", true);
        if (!id) return id.error();
        g.id = *id;
        for (const GroupSpec& o : c.groups)
            if (o.id == g.id) return r.err(t, "id", "duplicate group id '" + g.id + "'");
        auto pos = r.points(t, "positions", false);
        if (!pos) return pos.error();
        g.positions = *pos;
        if (t.get("count")) {
            auto n = r.num(t, "count", true);
            if (!n) return n.error();
            if (*n < 0 || *n != std::floor(*n) || *n > 1e7) return r.err(t, "count", "must be a whole number >= 0");
            g.count = static_cast<int>(*n);
            if (!g.positions.empty() && g.count != static_cast<int>(g.positions.size()))
                return r.err(t, "count", "count differs from the number of positions");
        } else {
            if (g.positions.empty()) return r.err(t, "count", "missing (give count with area, or positions)");
            g.count = static_cast<int>(g.positions.size());
        }
        auto area = r.str(t, "area", g.positions.empty());
        if (!area) return area.error();
        if (!area->empty()) {
            g.area = b.areaIndex(*area);
            if (g.area < 0) return r.err(t, "area", "unknown area '" + *area + "'");
        }
        if (t.get("speed") && t.get("speed_mps")) return r.err(t, "speed", "give speed or speed_mps, not both");
        if (t.get("speed")) {
            auto name = r.str(t, "speed", true);
            if (!name) return name.error();
            auto prof = speedProfile(*name);
            if (!prof) return r.err(t, "speed", prof.error().message);
            g.speed = *prof;
        } else if (t.get("speed_mps")) {
            auto rg = r.range(t, "speed_mps");
            if (!rg) return rg.error();
            if (!(rg->first > 0.0 && rg->second < 5.0)) return r.err(t, "speed_mps", "speeds must be in (0, 5) m/s");
            g.speed = {SpeedDistribution::Kind::Uniform, rg->first, rg->second, 0.5 * (rg->first + rg->second), 0.0};
        } else {
            g.speed = *speedProfile("weidmann-adult");
        }
        if (t.get("premovement_s") && t.get("premovement")) return r.err(t, "premovement", "give premovement_s or premovement, not both");
        if (t.get("premovement_s")) {
            auto rg = r.range(t, "premovement_s");
            if (!rg) return rg.error();
            if (rg->first < 0.0) return r.err(t, "premovement_s", "must be >= 0");
            g.premovement = {PremovementDistribution::Kind::Uniform, rg->first, rg->second, 0.0, 0.0};
        } else if (const toml::node* pn = t.get("premovement")) {
            const toml::table* pt = pn->as_table();
            if (!pt) return r.err(t, "premovement", "must be a table { distribution = ..., ... }");
            auto dist = r.str(*pt, "distribution", true);
            if (!dist) return dist.error();
            PremovementDistribution& p = g.premovement;
            if (*dist == "uniform") p.kind = PremovementDistribution::Kind::Uniform;
            else if (*dist == "normal") p.kind = PremovementDistribution::Kind::Normal;
            else if (*dist == "lognormal") p.kind = PremovementDistribution::Kind::LogNormal;
            else return r.err(*pt, "distribution", "must be uniform, normal or lognormal");
            auto mn = r.num(*pt, "min", p.kind == PremovementDistribution::Kind::Uniform, 0.0);
            if (!mn) return mn.error();
            auto mx = r.num(*pt, "max", p.kind == PremovementDistribution::Kind::Uniform, 3600.0);
            if (!mx) return mx.error();
            auto mean = r.num(*pt, "mean", p.kind != PremovementDistribution::Kind::Uniform, 0.0);
            if (!mean) return mean.error();
            auto sd = r.num(*pt, "sd", p.kind != PremovementDistribution::Kind::Uniform, 0.0);
            if (!sd) return sd.error();
            if (!(*mn >= 0.0 && *mn <= *mx)) return r.err(*pt, "min", "need 0 <= min <= max");
            if (*sd < 0.0) return r.err(*pt, "sd", "must be >= 0");
            p.minS = *mn;
            p.maxS = *mx;
            p.mean = *mean;
            p.sd = *sd;
        }
        if (t.get("exit")) {
            auto e = r.str(t, "exit", true);
            if (!e) return e.error();
            auto d = exitDoor(t, "exit", *e);
            if (!d) return d.error();
            g.exitDoor = *d;
        }
        if (const toml::node* kn = t.get("known_exits")) {
            const toml::array* ka = kn->as_array();
            if (!ka) return r.err(t, "known_exits", "must be a list of exit door ids");
            for (const toml::node& e : *ka) {
                auto v = e.value<std::string>();
                if (!v) return r.err(t, "known_exits", "must be a list of exit door ids");
                auto d = exitDoor(t, "known_exits", *v);
                if (!d) return d.error();
                g.knownExits.push_back(*d);
            }
        }
        auto fam = r.num(t, "familiarity_penalty_s", false, g.knownExits.empty() ? 0.0 : 60.0);
        if (!fam) return fam.error();
        if (*fam < 0.0) return r.err(t, "familiarity_penalty_s", "must be >= 0");
        g.familiarityPenaltyS = *fam;
        if (t.get("follows")) {
            auto f = r.str(t, "follows", true);
            if (!f) return f.error();
            for (size_t k = 0; k < c.groups.size(); ++k)
                if (c.groups[k].id == *f) g.followsGroup = static_cast<int>(k);
            if (g.followsGroup < 0) return r.err(t, "follows", "unknown group '" + *f + "' (the leader's group must come first)");
            if (c.groups[g.followsGroup].count == 0) return r.err(t, "follows", "group '" + *f + "' has nobody to follow");
        }
        auto rad = r.num(t, "radius_m", false, 0.2);
        if (!rad) return rad.error();
        if (!(*rad >= 0.1 && *rad <= 0.4)) return r.err(t, "radius_m", "must be in [0.1, 0.4] m");
        g.radiusM = *rad;
        c.groups.push_back(std::move(g));
        return Ok{};
    });
}

Status parseSettings(const toml::table& root, const Reader& r, CrowdSettings& s) {
    const toml::node* n = root.get("settings");
    if (!n) return Ok{};
    const toml::table* t = n->as_table();
    if (!t) return makeError("must be a table [settings]", r.file, r.lineOf(n, 0), "settings");
    auto seed = r.num(*t, "seed", false, 1.0);
    if (!seed) return seed.error();
    if (*seed < 0 || *seed != std::floor(*seed)) return r.err(*t, "seed", "must be a whole number >= 0");
    s.seed = static_cast<std::uint64_t>(*seed);
    auto dt = r.num(*t, "dt_s", false, s.dtS);
    if (!dt) return dt.error();
    if (!(*dt > 0.0 && *dt <= 0.2)) return r.err(*t, "dt_s", "must be in (0, 0.2] s");
    s.dtS = *dt;
    auto cell = r.num(*t, "cell_m", false, s.fieldCellM);
    if (!cell) return cell.error();
    if (!(*cell >= 0.05 && *cell <= 1.0)) return r.err(*t, "cell_m", "must be in [0.05, 1] m");
    s.fieldCellM = *cell;
    auto threads = r.num(*t, "threads", false, s.threads);
    if (!threads) return threads.error();
    if (*threads < 1 || *threads > 256) return r.err(*t, "threads", "must be 1 to 256");
    s.threads = static_cast<unsigned>(*threads);
    return Ok{};
}

}  // namespace

Result<CrowdCase> parseCrowdCase(const std::string& text, const std::string& fileName) {
    Reader r{fileName};
    toml::table root;
    try {
        root = toml::parse(text, fileName);
    } catch (const toml::parse_error& e) {
        return makeError(std::string(e.description()), fileName, static_cast<int>(e.source().begin.line), "toml");
    }
    CrowdCase c;
    c.building.sourceFile = fileName;
    if (auto s = parseSettings(root, r, c.settings); !s) return s.error();
    if (auto s = parseGeometry(root, r, c.building); !s) return s.error();
    if (c.building.areas.empty()) return makeError("a case needs at least one [[area]]", fileName, 1, "area");
    if (auto s = validateBuilding(c.building); !s) return s.error();
    if (auto s = parseGroups(root, r, c); !s) return s.error();
    return c;
}

Result<CrowdCase> loadCrowdCase(const std::string& path) {
    auto text = readTextFile(path);
    if (!text) return text.error();
    return parseCrowdCase(*text, path);
}

}  // namespace cd::crowd
