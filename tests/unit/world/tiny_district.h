#pragma once
// A hand-made two-room district whose walking lengths are easy to work out by hand.
//   R1 (0..4 x 0..4), wall at x 4..4.2, R2 (4.2..8 x 0..4), door D1 at (4.1, 2),
//   exit door D2 on R2's east wall at (8.1, 2), outside point (10, 2), assembly point (20, 2);
//   the ground rises gently from the exit (a step of 8 cm at the door, as a real entrance).
#include <nlohmann/json.hpp>

namespace cd::test {

inline nlohmann::ordered_json tinyDistrict() {
    using J = nlohmann::ordered_json;
    J j;
    j["format"] = "citydrill-district";
    j["version"] = 1;
    j["name"] = "tiny";
    j["model"] = "tiny.gltf";
    j["terrain"] = {{"nx", 3}, {"ny", 2}, {"cellM", 10.0}, {"originM", {0, 0}}, {"heightsM", {0, 0.25, 0.5, 0.75, 1.0, 1.25}}};
    j["buildings"] = J::array({{{"id", "B"}, {"name", "Block"}, {"box", {{"min", {0, 0, 0}}, {"max", {8.2, 4, 3.5}}}}, {"storeys", 1}, {"storeyHeightM", 3.5}}});
    j["rooms"] = J::array({
        {{"id", "R1"}, {"building", "B"}, {"storey", 0}, {"kind", "classroom"}, {"box", {{"min", {0, 0, 0}}, {"max", {4, 4, 3}}}}},
        {{"id", "R2"}, {"building", "B"}, {"storey", 0}, {"kind", "corridor"}, {"box", {{"min", {4.2, 0, 0}}, {"max", {8, 4, 3}}}}},
    });
    j["doors"] = J::array({
        {{"id", "D1"}, {"roomA", "R1"}, {"roomB", "R2"}, {"centerM", {4.1, 2, 0}}, {"normal", {1, 0, 0}}, {"widthM", 1.0}, {"heightM", 2.1}},
        {{"id", "D2"}, {"roomA", "R2"}, {"roomB", "outside"}, {"centerM", {8.1, 2, 0}}, {"normal", {1, 0, 0}}, {"widthM", 1.2}, {"heightM", 2.1}, {"isExit", true}},
    });
    j["stairs"] = J::array();
    j["exits"] = J::array({{{"id", "E1"}, {"door", "D2"}, {"positionM", {10, 2, 0}}}});
    j["assemblyPoints"] = J::array({{{"id", "AP"}, {"positionM", {20, 2, 0}}, {"radiusM", 5}}});
    j["lowArea"] = {{"polygonM", {{0, 0}, {30, 0}, {30, 5}, {0, 5}}}};
    return j;
}

}  // namespace cd::test
