// glTF 2.0 output: one buffer, one bufferView per attribute, uint16 indices where they fit.
#include "gltf_writer.h"

#include <cmath>
#include <cstring>

#include <glm/common.hpp>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/files.h"

namespace cd::districtgen {

namespace {
using ojson = nlohmann::ordered_json;

glm::vec3 toGltf(const glm::vec3& p) { return {p.x, p.z, -p.y}; }

void append(std::string& bin, const void* data, std::size_t bytes) {
    bin.append(static_cast<const char*>(data), bytes);
    while (bin.size() % 4) bin.push_back('\0');  // glTF: accessor offsets aligned to 4
}

double round6(double v) { return std::round(v * 1e6) / 1e6; }
}  // namespace

int GltfWriter::addMaterial(const std::string& name, const glm::vec4& color, float metallic, float roughness) {
    materials_.push_back({name, color, metallic, roughness});
    return int(materials_.size()) - 1;
}

int GltfWriter::addGroup(const std::string& name, int parent) {
    nodes_.push_back({name, parent, {}, false});
    return int(nodes_.size()) - 1;
}

int GltfWriter::addMesh(const std::string& name, const std::vector<std::pair<int, const MeshBuilder*>>& primitives, int parent) {
    Node node{name, parent, {}, true};
    for (const auto& [mat, builder] : primitives)
        if (builder && !builder->empty()) node.prims.push_back({mat, *builder});
    if (node.prims.empty()) return -1;
    nodes_.push_back(std::move(node));
    return int(nodes_.size()) - 1;
}

Result<GltfStats> GltfWriter::write(const std::string& dir, const std::string& baseName) const {
    GltfStats stats;
    std::string bin;
    ojson accessors = ojson::array(), views = ojson::array(), meshes = ojson::array(), nodes = ojson::array(), mats = ojson::array();

    auto addView = [&](const void* data, std::size_t bytes, int target) {
        const std::size_t offset = bin.size();
        append(bin, data, bytes);
        views.push_back({{"buffer", 0}, {"byteOffset", offset}, {"byteLength", bytes}, {"target", target}});
        return int(views.size()) - 1;
    };

    for (const Mat& m : materials_) {
        ojson pbr = {{"baseColorFactor", {round6(m.color.r), round6(m.color.g), round6(m.color.b), round6(m.color.a)}},
                     {"metallicFactor", round6(m.metallic)},
                     {"roughnessFactor", round6(m.roughness)}};
        ojson mat = {{"name", m.name}, {"pbrMetallicRoughness", pbr}};
        if (m.color.a < 1.0f) {
            mat["alphaMode"] = "BLEND";
            mat["doubleSided"] = true;
        }
        mats.push_back(mat);
    }

    std::vector<int> nodeMesh(nodes_.size(), -1);
    for (std::size_t ni = 0; ni < nodes_.size(); ++ni) {
        const Node& node = nodes_[ni];
        if (!node.hasMesh) continue;
        ojson prims = ojson::array();
        for (const Prim& p : node.prims) {
            std::vector<float> pos, nrm;
            glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
            for (std::size_t v = 0; v < p.data.positions.size(); ++v) {
                const glm::vec3 g = toGltf(p.data.positions[v]);
                const glm::vec3 n = toGltf(p.data.normals[v]);
                pos.insert(pos.end(), {g.x, g.y, g.z});
                nrm.insert(nrm.end(), {n.x, n.y, n.z});
                lo = glm::min(lo, g);
                hi = glm::max(hi, g);
            }
            const int posView = addView(pos.data(), pos.size() * 4, 34962);
            const int nrmView = addView(nrm.data(), nrm.size() * 4, 34962);
            const std::size_t nv = p.data.positions.size();
            accessors.push_back({{"bufferView", posView}, {"componentType", 5126}, {"count", nv}, {"type", "VEC3"},
                                 {"min", {lo.x, lo.y, lo.z}}, {"max", {hi.x, hi.y, hi.z}}});
            const int posAcc = int(accessors.size()) - 1;
            accessors.push_back({{"bufferView", nrmView}, {"componentType", 5126}, {"count", nv}, {"type", "VEC3"}});
            const int nrmAcc = int(accessors.size()) - 1;
            int idxView;
            int componentType;
            if (nv <= 65535) {
                std::vector<std::uint16_t> idx(p.data.indices.begin(), p.data.indices.end());
                idxView = addView(idx.data(), idx.size() * 2, 34963);
                componentType = 5123;
            } else {
                idxView = addView(p.data.indices.data(), p.data.indices.size() * 4, 34963);
                componentType = 5125;
            }
            accessors.push_back({{"bufferView", idxView}, {"componentType", componentType}, {"count", p.data.indices.size()}, {"type", "SCALAR"}});
            const int idxAcc = int(accessors.size()) - 1;
            prims.push_back({{"attributes", {{"POSITION", posAcc}, {"NORMAL", nrmAcc}}}, {"indices", idxAcc}, {"material", p.material}, {"mode", 4}});
            stats.triangles += p.data.indices.size() / 3;
            stats.vertices += nv;
        }
        meshes.push_back({{"name", node.name}, {"primitives", prims}});
        nodeMesh[ni] = int(meshes.size()) - 1;
        ++stats.meshes;
    }

    std::vector<std::vector<int>> children(nodes_.size());
    ojson roots = ojson::array();
    for (std::size_t ni = 0; ni < nodes_.size(); ++ni) {
        if (nodes_[ni].parent >= 0) children[nodes_[ni].parent].push_back(int(ni));
        else roots.push_back(ni);
    }
    for (std::size_t ni = 0; ni < nodes_.size(); ++ni) {
        ojson n = {{"name", nodes_[ni].name}};
        if (nodeMesh[ni] >= 0) n["mesh"] = nodeMesh[ni];
        if (!children[ni].empty()) n["children"] = children[ni];
        nodes.push_back(n);
    }

    ojson doc = {
        {"asset", {{"version", "2.0"}, {"generator", "CityDrill district_gen"}}},
        {"scene", 0},
        {"scenes", {{{"name", baseName}, {"nodes", roots}}}},
        {"nodes", nodes},
        {"meshes", meshes},
        {"materials", mats},
        {"accessors", accessors},
        {"bufferViews", views},
        {"buffers", {{{"uri", baseName + ".bin"}, {"byteLength", bin.size()}}}},
    };
    const std::string text = doc.dump(1) + "\n";
    if (auto s = writeTextFile(joinPath(dir, baseName + ".gltf"), text); !s) return s.error();
    if (auto s = writeTextFile(joinPath(dir, baseName + ".bin"), bin); !s) return s.error();
    stats.gltfBytes = text.size();
    stats.binBytes = bin.size();
    return stats;
}

}  // namespace cd::districtgen
