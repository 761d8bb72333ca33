#pragma once
/// RenderSnapshot: everything the renderer draws on top of the static world for one frame,
/// built read-only after the simulation tick. Metres, Z up (x east, y north), linear colours.
#include <cstddef>
#include <cstdint>
#include <vector>

#include <glm/gtc/quaternion.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

namespace cd::render {

/// One camera. With lookAt the camera faces target; else yaw/pitch give the direction.
struct ViewDesc {
    glm::vec3 eye{0.0f, 0.0f, 1.7f};
    float yawDeg = 0.0f;    ///< heading, degrees counter-clockwise from +x (east); 90 = north
    float pitchDeg = 0.0f;  ///< degrees above the horizontal
    bool lookAt = false;
    glm::vec3 target{1.0f, 0.0f, 1.7f};
    float verticalFovDeg = 60.0f;
    float nearM = 0.1f;
    float farM = 2000.0f;
    std::uint32_t width = 1280;  ///< pixels of the target this view renders into
    std::uint32_t height = 720;
};

struct SunLight {
    glm::vec3 direction{0.45f, -0.35f, 0.82f};  ///< towards the sun (need not be normalised)
    glm::vec3 color{1.0f, 0.95f, 0.86f};
    float intensity = 2.6f;
    bool shadows = true;
};

struct SkyLight {
    glm::vec3 zenith{0.06f, 0.16f, 0.48f};
    glm::vec3 horizon{0.46f, 0.58f, 0.74f};
    glm::vec3 ground{0.22f, 0.20f, 0.16f};  ///< light bounced from below
    float ambient = 0.5f;                    ///< hemispherical ambient strength
    float fogDensityPerM = 0.0015f;          ///< distance haze near the ground
};

/// A room or region with a two-zone smoke layer: clear below interfaceZ, uniform smoke above
/// it up to boxMax.z (the fire model's per-room hot layer).
struct SmokeVolume {
    glm::vec3 boxMin{0.0f};
    glm::vec3 boxMax{0.0f};
    float interfaceZ = 0.0f;      ///< absolute height of the smoke layer interface (m)
    float extinctionPerM = 0.5f;  ///< extinction coefficient K (1/m); visibility ~ 3/K for reflecting signs
    glm::vec3 color{0.22f, 0.21f, 0.20f};  ///< apparent smoke colour; soot-laden smoke is dark grey
};

struct FireSource {
    glm::vec3 base{0.0f};   ///< centre of the flame's base
    float radiusM = 0.5f;
    float flameHeightM = 1.5f;
    float hrrKw = 500.0f;   ///< heat release rate; scales brightness and the light cast
};

/// Water depth on a regular grid (a flood model's state). Cell (i, j) covers
/// [origin + (i, j) * cellSizeM, origin + (i + 1, j + 1) * cellSizeM]; arrays are row-major,
/// index j * nx + i. Cells with depth > 1 cm are drawn.
struct WaterGrid {
    glm::vec2 origin{0.0f};
    float cellSizeM = 1.0f;
    std::uint32_t nx = 0;
    std::uint32_t ny = 0;
    std::vector<float> surfaceZ;  ///< water surface elevation (m)
    std::vector<float> depthM;    ///< water depth (m)
    glm::vec3 color{0.10f, 0.13f, 0.13f};  ///< muddy flood water (linear)
};

/// A person: crowd member or the trainee.
struct PersonMarker {
    glm::vec3 feet{0.0f};
    float headingDeg = 0.0f;  ///< facing direction, counter-clockwise from +x
    glm::vec3 color{0.2f, 0.4f, 0.9f};
    float heightM = 1.7f;     ///< standing height
    bool trainee = false;  ///< drawn with a ground ring so it stands out
    bool crouched = false; ///< on hands and knees (dropped and covering): torso level, facing the heading
};

/// A highlighted path (evacuation route), drawn as a glowing ribbon just above the points.
struct RoutePolyline {
    std::vector<glm::vec3> points;
    glm::vec3 color{0.1f, 0.9f, 0.3f};
    float widthM = 0.6f;
};

/// A solid box in any orientation: furniture, fallen fittings, debris of a collapse.
struct BoxInstance {
    glm::vec3 center{0.0f};
    glm::vec3 halfExtents{0.5f};
    glm::quat orientation{1.0f, 0.0f, 0.0f, 0.0f};
    glm::vec3 color{0.6f};
};

/// A world-space axis-aligned box (metres, Z up).
struct Aabb {
    glm::vec3 min{0.0f};
    glm::vec3 max{0.0f};
};

/// Electric light inside buildings. Surfaces the renderer finds under cover (some static
/// geometry above them, from a top-down depth map around view 0) get this ceiling-light term
/// instead of most of the open sky: floors the full amount, walls 65 %, ceilings 50 % (light
/// bounced back up from the floor and furniture). Intensity 0 is a power cut.
struct InteriorLighting {
    glm::vec3 color{1.0f, 0.97f, 0.92f};  ///< cool-white fluorescent tubes, linear
    float intensity = 0.7f;                 ///< irradiance on a floor, in the sun's units (sun ~2.6)
    float skyFraction = 0.3f;               ///< share of the open-sky ambient that reaches in through windows
    /// Downward faces indoors are drawn at least this light (albedo): district meshes often give
    /// a slab one material on both sides, so a top-floor ceiling would show the black roofing
    /// membrane. A finished ceiling (plaster, tiles) is what a room shows. 0 keeps the mesh's own.
    float ceilingAlbedoMin = 0.55f;
};

/// Cutaways: the static district mesh is not drawn (nor casts shadow, nor counts as cover)
/// where it lies inside one of these boxes; overlays (boxes, people, water, flames) still are.
constexpr std::size_t kMaxHiddenBoxes = 16;

struct RenderSnapshot {
    std::vector<ViewDesc> views;  ///< one per render target, in order
    SunLight sun;
    SkyLight sky;
    float timeS = 0.0f;  ///< scenario clock: animates flames and water
    std::vector<SmokeVolume> smoke;   ///< up to 32 are drawn
    std::vector<FireSource> fires;    ///< all drawn; the 16 largest light the scene
    std::vector<WaterGrid> water;
    std::vector<PersonMarker> people;
    std::vector<RoutePolyline> routes;
    std::vector<BoxInstance> boxes;
    /// World-space boxes inside which the static district mesh is not drawn (e.g. a collapsed
    /// ceiling slab, replaced by debris in `boxes`). A triangle's fragments are hidden where they
    /// lie within 1 cm of a box, so faces flush with the box are hidden too. At most
    /// kMaxHiddenBoxes are used (the first ones); more log a warning.
    std::vector<Aabb> hiddenBoxes;
    InteriorLighting interior;
};

/// Sun and sky for a local solar time (hours, 0-24) on a mid-latitude day: low warm sun in the
/// morning and evening, dark blue sky at night. A look, not an ephemeris.
void applyTimeOfDay(RenderSnapshot& snapshot, float hours);

}  // namespace cd::render
