#pragma once
// Reads a glTF's own JSON to count what it should draw, independently of Assimp.
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace cd::test {

inline std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// The JSON chunk of a .glb, or the whole .gltf text.
inline nlohmann::json gltfJson(const std::string& path) {
    std::string bytes = readAll(path);
    if (bytes.size() >= 20 && bytes.compare(0, 4, "glTF") == 0) {
        std::uint32_t len = 0;
        std::memcpy(&len, bytes.data() + 12, 4);
        return nlohmann::json::parse(bytes.substr(20, len));
    }
    return nlohmann::json::parse(bytes);
}

/// Triangles drawn by the default scene: every node instance of every mode-4 primitive.
inline std::size_t trianglesFromJson(const nlohmann::json& j) {
    std::size_t total = 0;
    std::function<void(int)> visit = [&](int n) {
        const auto& node = j["nodes"][n];
        if (node.contains("mesh")) {
            for (const auto& prim : j["meshes"][node["mesh"].get<int>()]["primitives"]) {
                if (prim.value("mode", 4) != 4) continue;
                if (prim.contains("indices")) total += j["accessors"][prim["indices"].get<int>()]["count"].get<std::size_t>() / 3;
                else total += j["accessors"][prim["attributes"]["POSITION"].get<int>()]["count"].get<std::size_t>() / 3;
            }
        }
        if (node.contains("children"))
            for (const auto& c : node["children"]) visit(c.get<int>());
    };
    for (const auto& n : j["scenes"][j.value("scene", 0)]["nodes"]) visit(n.get<int>());
    return total;
}

}  // namespace cd::test
