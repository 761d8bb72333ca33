#pragma once
// Plane geometry for turning the earthquake's bodies (furniture, debris, door leaves) into the
// crowd model's obstacle polygons: footprints of boxes seen from above, convex hulls, clipping to
// an area, gaps and overlaps between convex polygons.
#include <vector>

#include "crowd/geometry.h"
#include "render/render_snapshot.h"

namespace cd::app {

/// An axis-aligned rectangle in plan (the crowd's areas built from rooms are rectangles).
struct PlanBox {
    double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;
};

/// Andrew's monotone chain: counter-clockwise, no collinear points (fewer than 3 points come back as given).
crowd::Polygon convexHull(std::vector<crowd::Vec2> pts);
/// Sutherland-Hodgman against a rectangle; empty when less than a triangle is left.
crowd::Polygon clipToBox(crowd::Polygon poly, const PlanBox& b);
/// The part of convex polygon a inside convex polygon b (both counter-clockwise).
crowd::Polygon clipConvex(const crowd::Polygon& a, const crowd::Polygon& b);
/// Distance between two convex polygons, 0 when they touch or overlap.
double polygonGap(const crowd::Polygon& a, const crowd::Polygon& b);
/// Distance from a point to a polygon, 0 inside it.
double distanceToPolygon(crowd::Vec2 p, const crowd::Polygon& poly);
/// The floor area a box covers, however it lies: the hull of its 8 corners seen from above,
/// the box grown by growM on every side first.
crowd::Polygon boxFootprint(const render::BoxInstance& box, double growM);
/// The plan of the part of a box between heights z0 and z1 (z0 < z1): the hull of its corners
/// in that band and of where its edges cross the two planes. Empty when the box misses the band.
crowd::Polygon boxSliceFootprint(const render::BoxInstance& box, double z0, double z1);
/// A convex polygon made at least minWidthM wide: when its width (the least, over its edges, of
/// its extent across the edge) is less, it is grown evenly across that edge. The crowd's floor
/// field samples obstacles at its cell centres (0.25 m apart): a thinner obstacle (a door
/// leaf, a wall chunk on edge) can fall between them and be routed through.
crowd::Polygon thickenConvex(const crowd::Polygon& poly, double minWidthM);
/// The bounding rectangle of an area polygon, shrunk by insetM.
PlanBox planBoxOf(const crowd::Polygon& poly, double insetM);
/// Whether two rectangles overlap.
bool overlaps(const PlanBox& a, const PlanBox& b);

}  // namespace cd::app
