#include "scenario_checks.h"

#include "crowd/demography.h"
#include "earthquake_hazard.h"
#include "flood_hazard.h"

namespace cd::app {

namespace {
Error at(const scenario::SourceRef& s, const std::string& field, const std::string& message) {
    return makeError(message, s.file, s.line, field);
}
}  // namespace

std::vector<Error> checkScenarioAgainstDistrict(const scenario::ScenarioDef& def, const world::District& d) {
    std::vector<Error> errors;
    const auto& t = def.trainee;
    if (!t.startRoom.empty() && !d.findRoom(t.startRoom))
        errors.push_back(at(t.source, "trainee.start_room", "no room '" + t.startRoom + "' in district " + d.manifestPath));
    if (!d.findAssemblyPoint(def.assemblyPoint))
        errors.push_back(makeError("no assembly point '" + def.assemblyPoint + "' in district " + d.manifestPath, def.path, 0, "scenario.assembly_point"));
    auto checkFire = [&](const scenario::FireDef& f, const char* what) {
        const world::Room* room = d.findRoom(f.room);
        if (!room) {
            errors.push_back(at(f.source, f.source.field + ".room", "no room '" + f.room + "' in district " + d.manifestPath));
            return;
        }
        if (f.position) {
            glm::vec3 p(f.position->x, f.position->y, f.position->z);
            if (!room->box.contains(p))
                errors.push_back(at(f.source, f.source.field + ".position", std::string("the ") + what + " is not inside room '" + f.room + "'"));
        }
    };
    for (const auto& f : def.fires) checkFire(f, "fire");
    for (const auto& it : def.items) checkFire(it.fire, "item");
    if (def.sprinklers)
        for (const auto& id : def.sprinklers->rooms)
            if (!d.findRoom(id)) errors.push_back(at(def.sprinklers->source, def.sprinklers->source.field, "no room '" + id + "' in district " + d.manifestPath));
    for (const auto& e : def.timeline) {
        if (e.target.empty()) continue;
        if (e.kind == "open_window" || e.kind == "close_window") {
            if (!d.findWindow(e.target))
                errors.push_back(at(e.source, e.source.field + ".target", "no window '" + e.target + "' in district " + d.manifestPath));
        } else if (!d.findDoor(e.target)) {
            errors.push_back(at(e.source, e.source.field + ".target", "no door '" + e.target + "' in district " + d.manifestPath));
        }
    }
    for (const auto& g : def.crowd) {
        const std::string& at0 = g.source.field;
        const world::Room* room = d.findRoom(g.room);
        if (!room) errors.push_back(at(g.source, at0 + ".room", "no room '" + g.room + "' in district " + d.manifestPath));
        if (g.hasTakeCover && !def.earthquake)
            errors.push_back(at(g.source, at0 + ".take_cover_s", "people take cover from an earthquake, and the scenario has no [earthquake]"));
        if (!g.hasSpeedRange) {
            if (auto prof = crowd::speedProfile(g.speedProfile); !prof) errors.push_back(at(g.source, at0 + ".speed", prof.error().message));
        }
        for (const auto& e : g.knownExits) {
            const world::Exit* ex = d.findExit(e);
            const world::Door* door = ex ? d.findDoor(ex->door) : d.findDoor(e);
            if (!door || door->roomB != "outside")
                errors.push_back(at(g.source, at0 + ".known_exits", "no exit '" + e + "' (an exit id or an exit door id) in district " + d.manifestPath));
            else if (room && d.findRoom(door->roomA) && d.findRoom(door->roomA)->building != room->building)
                errors.push_back(at(g.source, at0 + ".known_exits", "exit '" + e + "' is not in building " + room->building + " of room '" + g.room + "'"));
        }
    }
    for (const auto& c : def.rubric.criteria) {
        for (const auto& [key, values] : c.strings) {
            bool rooms = key == "rooms" || key == "room", doors = key == "doors" || key == "door";
            for (const auto& v : values) {
                if (rooms && !d.findRoom(v))
                    errors.push_back(at(c.source, c.source.field + "." + key, "no room '" + v + "' in district " + d.manifestPath));
                if (doors && !d.findDoor(v))
                    errors.push_back(at(c.source, c.source.field + "." + key, "no door '" + v + "' in district " + d.manifestPath));
            }
        }
    }
    return errors;
}

std::vector<Error> checkHazardsBuild(const scenario::ScenarioDef& def, const world::District& d) {
    std::vector<Error> errors;
    // [flood]: the DEM must load and the inflows and breaches must lie on it (building the
    // model checks both; a 300 x 300 DEM takes milliseconds).
    if (def.flood)
        if (auto fl = FloodHazard::build(def, d, 1); !fl) errors.push_back(fl.error());
    // [earthquake]: the record must read, and the building, its structure rooms, collapses and
    // casualties must fit the district (building the physics world checks them all).
    if (def.earthquake)
        if (auto q = EarthquakeHazard::build(def, d); !q) errors.push_back(q.error());
    return errors;
}

}  // namespace cd::app
