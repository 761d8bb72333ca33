// The Assimp importer: the only code in CityDrill that includes Assimp.
// Node transforms are applied by walking the node tree ourselves (not with
// aiProcess_PreTransformVertices) so that every mesh keeps the name of its node
// ("building.A.storey1.walls"), which the district and the renderer rely on.
#include "assets/model.h"

#include <assimp/GltfMaterial.h>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <assimp/Importer.hpp>
#include <cmath>
#include <filesystem>
#include <limits>

#include <glm/common.hpp>

namespace cd::assets {

std::size_t Model::triangleCount() const {
    std::size_t n = 0;
    for (const Mesh& m : meshes) n += m.indices.size() / 3;
    return n;
}

std::size_t Model::vertexCount() const {
    std::size_t n = 0;
    for (const Mesh& m : meshes) n += m.vertices.size();
    return n;
}

namespace {

// Assimp hands every format over in its own convention (right-handed, Y up); glTF is
// Y up by specification. A file whose metadata says otherwise (FBX "UpAxis" = 2, i.e.
// Z) is already in our frame. Rule: Y up -> (x, y, z) becomes (x, -z, y).
glm::vec3 toZUp(const aiVector3D& v, bool sourceIsYUp) {
    if (!sourceIsYUp) return {v.x, v.y, v.z};
    return {v.x, -v.z, v.y};
}

bool sceneIsYUp(const aiScene* scene) {
    if (scene->mMetaData) {
        int upAxis = 1;
        if (scene->mMetaData->Get("UpAxis", upAxis)) return upAxis == 1;
    }
    return true;
}

glm::vec4 toVec4(const aiColor4D& c) { return {c.r, c.g, c.b, c.a}; }

Material convertMaterial(const aiMaterial* src, const std::filesystem::path& modelDir) {
    Material m;
    aiString name;
    if (src->Get(AI_MATKEY_NAME, name) == AI_SUCCESS) m.name = name.C_Str();

    aiColor4D color;
    if (src->Get(AI_MATKEY_BASE_COLOR, color) == AI_SUCCESS) {
        m.baseColor = toVec4(color);
    } else if (src->Get(AI_MATKEY_COLOR_DIFFUSE, color) == AI_SUCCESS) {
        m.baseColor = toVec4(color);
        float opacity = 1.0f;
        if (src->Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS) m.baseColor.a = opacity;
    }
    float f = 0.0f;
    if (src->Get(AI_MATKEY_METALLIC_FACTOR, f) == AI_SUCCESS) m.metallic = f;
    if (src->Get(AI_MATKEY_ROUGHNESS_FACTOR, f) == AI_SUCCESS) m.roughness = f;
    aiColor3D emissive;
    if (src->Get(AI_MATKEY_COLOR_EMISSIVE, emissive) == AI_SUCCESS) m.emissive = {emissive.r, emissive.g, emissive.b};

    aiString tex;
    if (src->GetTexture(aiTextureType_BASE_COLOR, 0, &tex) == AI_SUCCESS ||
        src->GetTexture(aiTextureType_DIFFUSE, 0, &tex) == AI_SUCCESS) {
        std::string t = tex.C_Str();
        // "*0" names a texture embedded in the file; anything else is relative to the model.
        if (!t.empty() && t[0] != '*') t = (modelDir / t).lexically_normal().string();
        m.baseColorTexture = t;
    }
    return m;
}

struct Walker {
    const aiScene* scene;
    bool yUp;
    Model* model;
    std::string error;

    void visit(const aiNode* node, const aiMatrix4x4& parent, int depth) {
        if (!error.empty()) return;
        // Assimp's validation rejects cycles; the depth cap keeps a hostile file finite anyway.
        if (depth > 256) {
            error = "node hierarchy deeper than 256 levels";
            return;
        }
        const aiMatrix4x4 world = parent * node->mTransformation;
        aiMatrix3x3 normalMat(world);
        normalMat.Inverse().Transpose();
        for (unsigned k = 0; k < node->mNumMeshes; ++k) {
            const unsigned mi = node->mMeshes[k];
            if (mi >= scene->mNumMeshes) {
                error = "node '" + std::string(node->mName.C_Str()) + "' references missing mesh " + std::to_string(mi);
                return;
            }
            addMesh(scene->mMeshes[mi], node, world, normalMat);
            if (!error.empty()) return;
        }
        for (unsigned c = 0; c < node->mNumChildren; ++c) visit(node->mChildren[c], world, depth + 1);
    }

    void addMesh(const aiMesh* src, const aiNode* node, const aiMatrix4x4& world, const aiMatrix3x3& normalMat) {
        // Points and lines carry no surface to draw or collide with.
        if (!(src->mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) return;
        Mesh mesh;
        mesh.name = node->mName.length > 0 ? node->mName.C_Str() : src->mName.C_Str();
        if (mesh.name.empty()) mesh.name = src->mName.C_Str();
        mesh.material = src->mMaterialIndex;
        mesh.vertices.resize(src->mNumVertices);
        for (unsigned v = 0; v < src->mNumVertices; ++v) {
            const aiVector3D p = world * src->mVertices[v];
            if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) {
                error = "mesh '" + mesh.name + "' has a non-finite vertex position (index " + std::to_string(v) + ")";
                return;
            }
            Vertex& out = mesh.vertices[v];
            out.position = toZUp(p, yUp);
            if (src->mNormals) {
                aiVector3D n = normalMat * src->mNormals[v];
                const float len = n.Length();
                if (len > 0.0f && std::isfinite(len)) n /= len;
                out.normal = toZUp(n, yUp);
            }
            if (src->mTextureCoords[0]) out.uv = {src->mTextureCoords[0][v].x, src->mTextureCoords[0][v].y};
        }
        mesh.indices.reserve(std::size_t(src->mNumFaces) * 3);
        for (unsigned f = 0; f < src->mNumFaces; ++f) {
            const aiFace& face = src->mFaces[f];
            if (face.mNumIndices != 3) continue;  // stray points/lines after SortByPType
            for (unsigned i = 0; i < 3; ++i) {
                if (face.mIndices[i] >= src->mNumVertices) {
                    error = "mesh '" + mesh.name + "' face " + std::to_string(f) + " indexes past its vertices";
                    return;
                }
                mesh.indices.push_back(face.mIndices[i]);
            }
        }
        if (!mesh.indices.empty()) model->meshes.push_back(std::move(mesh));
    }
};

}  // namespace

Result<Model> loadModel(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return makeError("model file not found", path);

    Assimp::Importer importer;
    // Drop points and lines so that only triangles reach us.
    importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
    const unsigned flags = aiProcess_Triangulate | aiProcess_JoinIdenticalVertices | aiProcess_GenSmoothNormals |
                           aiProcess_ValidateDataStructure | aiProcess_SortByPType | aiProcess_FindInvalidData;
    const aiScene* scene = importer.ReadFile(path, flags);
    if (!scene) {
        std::string why = importer.GetErrorString();
        if (why.empty()) why = "unknown reason";
        return makeError("Assimp could not read the model: " + why, path);
    }
    if (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE) return makeError("model is incomplete (Assimp flagged the scene)", path);
    if (!scene->mRootNode) return makeError("model has no root node", path);
    if (scene->mNumMeshes == 0) return makeError("model has no meshes", path);

    Model model;
    model.sourcePath = path;
    const std::filesystem::path dir = std::filesystem::path(path).parent_path();
    for (unsigned i = 0; i < scene->mNumMaterials; ++i) model.materials.push_back(convertMaterial(scene->mMaterials[i], dir));
    if (model.materials.empty()) model.materials.push_back(Material{"default"});

    Walker walker{scene, sceneIsYUp(scene), &model, {}};
    walker.visit(scene->mRootNode, aiMatrix4x4(), 0);
    if (!walker.error.empty()) return makeError(walker.error, path);
    if (model.meshes.empty()) return makeError("model has no triangle meshes reachable from its nodes", path);

    for (Mesh& m : model.meshes) {
        if (m.material >= model.materials.size()) return makeError("mesh '" + m.name + "' references a missing material", path);
    }

    glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    for (const Mesh& m : model.meshes) {
        for (const Vertex& v : m.vertices) {
            lo = glm::min(lo, v.position);
            hi = glm::max(hi, v.position);
        }
    }
    model.boundsMin = lo;
    model.boundsMax = hi;
    return model;
}

}  // namespace cd::assets
