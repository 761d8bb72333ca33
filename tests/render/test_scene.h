#pragma once
// A small built-in district for renderer tests: ground plane, a few buildings, a sky.
// (Stands in for assets::loadModel, which the tests do not need.)
#include <cstdint>

#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "assets/model.h"
#include "gfx/image.h"
#include "render/render_snapshot.h"

namespace cd::render::test {

/// Adds an axis-aligned box (6 faces, outward normals) with its own material.
void addBox(assets::Model& model, const glm::vec3& lo, const glm::vec3& hi, const glm::vec4& color,
            const char* name = "box");
/// Ground 200 m x 200 m at z = 0, three buildings east of the origin, the tallest straight ahead
/// of the default camera.
assets::Model testDistrict();
/// Camera at (-30, 0, 6) looking east (+x), slightly down, at the tallest building.
RenderSnapshot testSnapshot(std::uint32_t width, std::uint32_t height);

/// Mean linear-ish (sRGB byte) colour of a pixel rectangle given as fractions of the image.
glm::vec3 meanColor(const gfx::Image& img, float x0, float y0, float x1, float y1);
float luminance(const glm::vec3& c);

extern const glm::vec4 kGroundColor;
extern const glm::vec4 kTowerColor;

}  // namespace cd::render::test
