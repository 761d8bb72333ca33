#pragma once
// A minimal glTF 2.0 writer (.gltf JSON + one .bin buffer) for the generated district.
// World (x, y, z) with Z up is written as glTF (x, z, -y) (glTF is Y up); the importer in
// engine/assets maps it back with (x, y, z) -> (x, -z, y).
#include <string>
#include <utility>
#include <vector>

#include <glm/vec4.hpp>

#include "core/result.h"
#include "mesh_builder.h"

namespace cd::districtgen {

struct GltfStats {
    std::size_t meshes = 0;
    std::size_t triangles = 0;
    std::size_t vertices = 0;
    std::size_t gltfBytes = 0;
    std::size_t binBytes = 0;
};

class GltfWriter {
public:
    /// Metallic-roughness material; alpha < 1 makes it blended (glass, water).
    int addMaterial(const std::string& name, const glm::vec4& baseColor, float metallic, float roughness);
    /// A node without a mesh (a group such as "building.A"); parent -1 = scene root.
    int addGroup(const std::string& name, int parent = -1);
    /// A node with one mesh of one primitive per (material, builder); empty builders are dropped.
    int addMesh(const std::string& name, const std::vector<std::pair<int, const MeshBuilder*>>& primitives, int parent = -1);
    /// Writes dir/baseName.gltf and dir/baseName.bin.
    Result<GltfStats> write(const std::string& dir, const std::string& baseName) const;

private:
    struct Prim {
        int material;
        MeshBuilder data;
    };
    struct Node {
        std::string name;
        int parent;
        std::vector<Prim> prims;
        bool hasMesh;
    };
    struct Mat {
        std::string name;
        glm::vec4 color;
        float metallic, roughness;
    };
    std::vector<Mat> materials_;
    std::vector<Node> nodes_;
};

}  // namespace cd::districtgen
