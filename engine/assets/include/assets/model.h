#pragma once
/// Our own mesh/material format, filled by the Assimp importer (the only code that sees
/// Assimp). Positions are in CityDrill's frame: metres, Z up. glTF is Y up, so the
/// importer maps glTF (x, y, z) to (x, -z, y); the district generator writes the inverse.
#include <cstdint>
#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "core/result.h"

namespace cd::assets {

struct Vertex {
    glm::vec3 position{0.0f};
    glm::vec3 normal{0.0f, 0.0f, 1.0f};
    glm::vec2 uv{0.0f};
};

struct Material {
    std::string name;
    glm::vec4 baseColor{1.0f};  ///< linear RGBA
    float metallic = 0.0f;
    float roughness = 1.0f;
    glm::vec3 emissive{0.0f};
    std::string baseColorTexture;  ///< path of an external texture, empty if none
};

/// Triangles in world space (node transforms already applied).
struct Mesh {
    std::string name;  ///< node or mesh name (the generator names parts "building.A", "tree.12", ...)
    std::vector<Vertex> vertices;
    std::vector<std::uint32_t> indices;  ///< 3 per triangle
    std::uint32_t material = 0;          ///< index into Model::materials
};

struct Model {
    std::string sourcePath;
    std::vector<Mesh> meshes;
    std::vector<Material> materials;
    glm::vec3 boundsMin{0.0f};
    glm::vec3 boundsMax{0.0f};

    std::size_t triangleCount() const;
    std::size_t vertexCount() const;
};

/// Loads any format Assimp reads (glTF 2 first of all). A missing, malformed or empty
/// file gives an error naming the file and what is wrong.
Result<Model> loadModel(const std::string& path);

}  // namespace cd::assets
