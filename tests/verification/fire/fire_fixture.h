#pragma once
// Shared helpers for the fire verification tests: single-room cases built in code.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "fire/ceiling_jet_convection.h"
#include "fire/fire_model.h"

namespace cd::fire::test {

/// One room W x D x H at the origin with a fire at its centre on the floor.
inline FireModelDef singleRoom(double w, double d, double h) {
    FireModelDef def;
    RoomDef room;
    room.id = "room";
    room.sizeM = {w, d, h};
    def.rooms.push_back(room);
    return def;
}

inline FireDef centreFire(const FireModelDef& def, double peakKw, double alpha) {
    FireDef f;
    f.id = "fire";
    f.room = def.rooms[0].id;
    f.positionM = {def.rooms[0].sizeM.x / 2, def.rooms[0].sizeM.y / 2, 0.0};
    f.peakHrrKw = peakKw;
    f.alphaKwS2 = alpha;
    return f;
}

inline OpeningDef floorVent(const std::string& room, double width, double height) {
    OpeningDef o;
    o.id = "vent";
    o.roomA = room;
    o.widthM = width;
    o.heightM = height;
    return o;
}

/// Room 0's first fire (at its floor, radiativeFraction of it radiated) under a ceiling ceilingZ
/// high, from the model's public state: its heat, its plume flow into the layer and the room's
/// layers (densities 352.98 / T, as CFAST), for the layered ceiling jet (layered_ceiling_jet.h).
inline CeilingJetConvectionInput fireUnderModelLayers(const FireModel& model, double radiativeFraction, double ceilingZ) {
    const RoomState room = model.roomState(0);
    const FireState fire = model.fireState(0);
    CeilingJetConvectionInput in;
    in.convectiveW = (1.0 - radiativeFraction) * fire.hrrKw * 1e3;
    in.plumeKgS = fire.plumeKgS;
    in.ceilingZM = ceilingZ;
    in.interfaceZM = std::min(room.layerHeightM, ceilingZ);
    in.lowerK = room.lowerTempC + 273.15;
    in.upperK = room.upperTempC + 273.15;
    in.lowerRhoKgM3 = 352.98 / in.lowerK;
    in.upperRhoKgM3 = 352.98 / in.upperK;
    return in;
}

/// A room for a rig built in code (the validation tests' reproductions of NIST's CFAST inputs).
inline void addRoom(FireModelDef& def, const char* id, Point3 origin, Point3 size, const WallMaterial& wall, bool corridor = false) {
    RoomDef r;
    r.id = id;
    r.originM = origin;
    r.sizeM = size;
    r.wall = wall;
    r.corridor = corridor;
    def.rooms.push_back(r);
}

/// A wall opening from `from` to `to` (a room or kOutside), centred in plan at (x, y).
inline void addOpening(FireModelDef& def, const char* from, const char* to, double width, double height, double x, double y,
                       double sill = 0.0) {
    OpeningDef o;
    o.id = std::string(from) + "-" + to;
    o.roomA = from;
    o.roomB = to;
    o.widthM = width;
    o.heightM = height;
    o.sillM = sill;
    o.placed = true;
    o.centerXM = x;
    o.centerYM = y;
    def.openings.push_back(o);
}

/// A ceiling vent of `areaM2` from `room` to outside.
inline void addCeilingVent(FireModelDef& def, const char* room, double areaM2) {
    OpeningDef o;
    o.id = std::string(room) + " ceiling vent";
    o.roomA = room;
    o.kind = OpeningKind::Ceiling;
    o.areaM2 = areaM2;
    def.openings.push_back(o);
}

/// A burner following `hrr` in `room`, its base centred at `base`; returns it for its yields
/// and formula.
inline FireDef& addBurner(FireModelDef& def, const char* room, Point3 base, double areaM2, double radiativeFraction,
                          std::vector<HrrPoint> hrr) {
    FireDef f;
    f.id = "burner";
    f.room = room;
    f.positionM = base;
    f.areaM2 = areaM2;
    f.radiativeFraction = radiativeFraction;
    f.hrrTable = std::move(hrr);
    def.fires.push_back(f);
    return def.fires.back();
}

inline FireModel makeModel(const FireModelDef& def) {
    auto m = FireModel::create(def);
    if (!m) ADD_FAILURE() << m.error().str();
    return std::move(*m);
}

}  // namespace cd::fire::test
