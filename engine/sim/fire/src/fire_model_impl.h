#pragma once
#include <cmath>
// Private state of FireModel. Room state is a struct of arrays (one vector per quantity,
// indexed by room) because the step sweeps every room per pass and touches a few
// quantities each pass; openings are an edge list; the pressure solver's sparse LU follows the
// room graph. Everything is sized in create() or ignite(); step() never allocates.
#include <vector>

#include "fire/water_spray.h"
#include "fire/combustion.h"
#include "fire/ceiling_jet.h"
#include "fire/ceiling_jet_convection.h"
#include "fire/plume.h"
#include "fire/fire_model.h"
#include "fire/vent_flow.h"
#include "fire/wall_conduction.h"
#include "fire/window_glass.h"
#include "fire/external_flame.h"
#include "sparse_lu.h"

namespace cd::fire {

inline constexpr double kCp = 1004.5;            // J/kg/K, air, gamma = 1.4
inline constexpr double kGamma = 1.4;
inline constexpr double kGasConstant = kCp * (kGamma - 1.0) / kGamma;  // 287 J/kg/K
inline constexpr double kInitialUpperFraction = 1e-4;  // a thin layer under the ceiling at t = 0
inline constexpr double kMinLayerFraction = 1e-6;      // of the room's gas mass
inline constexpr double kBackdraftFuelMassFraction = 0.10;  // Fleischmann, Pagni & Williamson (1994)

/// The part of a corridor a smoke source has covered so far, along the corridor's long axis
/// from its low end (m), and whether the source has fed it yet (fire_model_fronts.cpp). For the
/// layer's temperature along the corridor: where the source feeds (m from the low end), the
/// rate its current's excess temperature falls along the corridor (1/m, the inverse of the
/// e-folding length; 0: no loss yet), the temperature of the gas it brings (K; 0 for a fire
/// in the corridor, whose plume sets none) and, from that, its weight in the layer's profile
/// (1 for the hottest source, less for one that brings cooler gas).
struct FrontSpan {
    double lo = 0, hi = 0;
    bool started = false;
    double atM = 0;
    double decayPerM = 0;
    double sourceK = 0;
    double weight = 1;
};

struct FireRuntime {
    FireDef def;
    int room = -1;
    CombustionYields yields;
    double diameterM = 1;
    int mirror = 1;                // against walls: 1 open, 2 wall, 4 corner (plume.h, Zukoski)
    double flameHeightM() const { return mirroredFlameHeightM(hrrKw, diameterM, mirror); }
    double startS = 0;             // absolute ignition time
    bool ignited = false;
    double pyrolysedKg = 0;
    double burnedKg = 0;
    double knockdown = 1;          // multiplier left after agents (1 = untouched)
    double sprinklerStartS = -1;   // Evans decay start
    double sprinklerTauS = 0;
    double sprinklerHrrKw = 0;
    double decayStartS = -1;       // EN 1991-1-2 decay phase
    double decayHrrKw = 0;
    double decayDurationS = 0;
    double flareUntilS = -1;
    // Agent being applied
    bool agentActive = false;
    AgentApplication agent;
    double agentUntilS = 0;
    // Step outputs
    double hrrKw = 0;              // released
    double requestedKw = 0;
    double curveKw = 0;            // before agent knock-down
    double pyrolysisKgS = 0;
    double plumeKgS = 0;           // entrained at the interface (0 when burning in the upper layer)
    bool oxygenLimited = false;
    bool extinguished = false;
    bool burnedOut = false;
    FrontSpan front;               // the smoke of a fire in a corridor
};

struct DeviceRuntime {
    double linkK = 0;
    bool activated = false;
    double activatedS = -1;
    double chamberSootKgM3 = 0;  // smoke detectors: soot inside the chamber
};

// Window panes with the heat-transfer model (FireModel::Impl::paneState).
inline constexpr unsigned char kPaneIntact = 0, kPaneCracked = 1, kPaneOut = 2;

struct ItemRuntime {
    double doseKjM2 = 0;
    bool ignited = false;
    bool wetted = false;  // told once that an opened sprinkler's water kept it from catching
    int fire = -1;  // the fire it became
};

struct FireModel::Impl {
    FireModelDef def;
    double timeS = 0;
    double ambientK = 293.15;
    double rhoAmb = 1.2;
    double p0 = 101325;

    // Room geometry (SoA)
    int n = 0;
    std::vector<double> floorZ, ceilZ, height, area, volume, perimeter, x0, y0, x1, y1;
    std::vector<WallMaterial> wall;                          // the walls' lining
    std::vector<WallMaterial> ceilingLining, floorLining;  // the walls' unless the room gives its own
    std::vector<unsigned char> splitLining;                 // its ceiling or floor is not its walls' lining
    // Room state (SoA)
    std::vector<double> mU, mL, hU, hL;      // layer mass kg, enthalpy cp m T (J)
    std::vector<double> yU, yL;              // species masses kg, [room * kSpeciesCount + k]
    // Slab node temperatures, [room * kWallNodes + j]. With one lining a room has two slabs, the
    // ceiling and upper walls (wallU) and the floor and lower walls (wallL); with its own ceiling
    // or floor lining four: wallU is then its ceiling, wallL its floor, and sideU / sideL its
    // upper and lower walls (sized only when some room has them, so other runs hash as before).
    std::vector<double> wallU, wallL, sideU, sideL;
    std::vector<double> wallNewU, wallNewL, sideNewU, sideNewL;  // the sub-step's new ones (committed on success)
    std::vector<unsigned char> flashover;
    // Surface connections (CFAST's CONN): per room, the parts of its boundary that another room
    // lies behind; per room and slab (2 room + k, k as wallHeatTransfer's: 0 the ceiling or floor
    // or the whole pair, 1 the side walls of a room with its own ceiling or floor lining) the
    // flux into the slab's face over the last step, W/m^2: what a connected room's slab takes in
    // at its back. Sized only when the model has connections.
    struct SurfaceLink {
        int other;
        SharedSurface surface;  // seen from this room
    };
    std::vector<std::vector<SurfaceLink>> links;
    std::vector<double> faceFluxU, faceFluxL, faceFluxNewU, faceFluxNewL;
    // Derived each sub-step
    std::vector<double> volU, tU, tL, rhoU, rhoL, zInt, dp, floorFlux, emissU;
    // Sub-step accumulators
    std::vector<double> srcMU, srcML, srcHU, srcHL, srcYU, srcYL;  // non-vent sources
    std::vector<double> energySource;                               // non-vent heat into room gas (W)
    std::vector<double> outRateU, outRateL;                         // outflow of the last sub-step, kg/s
    std::vector<double> roomHrrKw;
    std::vector<double> doorJetKw;                                  // door-jet fires burning in each room
    std::vector<double> radW;                                       // fire radiation to walls (W)
    std::vector<double> openAreaU, openAreaL;                       // open doorways/windows facing each layer (m2)
    std::vector<double> openingRadW;                                // upper layer's radiation out through them (W)
    std::vector<double> slabOpeningRadU, slabOpeningRadL;           // the slabs' radiation out through them (W)
    std::vector<double> dpn;                                        // pressures at the start of the sub-step

    // Openings (edge list), leaks appended after the defined openings
    int nOpen = 0;           // defined openings (ids); leaks follow
    std::vector<int> va, vb; // room indices, vb = -1 outside
    std::vector<double> vzb, vzt, vw, vcd;      // ceiling vents: vzb = vzt = vent height, vw = area
    std::vector<unsigned char> vopen;
    std::vector<unsigned char> glassBroken;      // defined openings: glazing that has fallen out
    // Glazing with the heat-transfer model (window_glass.h): per defined opening its index g
    // here (-1 for none); 2 panes' node temperatures from [g * 2 * kWallNodes]; per pane
    // [g * 2 + p] its state (kPaneIntact, kPaneCracked, kPaneOut).
    std::vector<int> glazingOf;
    std::vector<double> glassK;
    std::vector<unsigned char> paneState;
    // Flames out of windows (external_flame.h), per defined opening, set each sub-step: the flame
    // out of it; whether that was reported; the outward normal in plan of a placed wall opening to
    // outside ((0, 0) for others); the flames of the openings below on its facade, where they
    // reach it: gas temperature (ambient when none), emissivity, convection coefficient.
    std::vector<ExternalFlame> extFlame;
    std::vector<unsigned char> extReported;
    std::vector<double> outX, outY;
    std::vector<double> facadeK, facadeEps, facadeH;
    std::vector<unsigned char> vceiling, vround; // ceiling vent (Cooper), round shape
    std::vector<VentFlow> vflow;
    // Pressure solver: Newton on all room pressures with a sparse LU of the Jacobian.
    SparseLu lu;
    std::vector<int> slotAA, slotAB, slotBA, slotBB;  // per vent (-1 where b is outside)
    std::vector<int> slotDiag;
    std::vector<double> residual, delta, trial, netEnthalpy;

    // Fans (CFAST mechanical vents): -1 is outside; heights absolute.
    std::vector<int> fanFrom, fanTo;
    std::vector<double> fanZFrom, fanZTo, fanMdot;
    std::vector<unsigned char> fanOn, fanFromUpper;
    std::vector<double> fanRho, fanTempK;  // inlet gas of the sub-step
    // Fan filters (CFAST 7 mechanical_flow): efficiency averaged over the sub-step, the inlet
    // layer's soot mass fraction, and the soot each filter has kept (kg).
    std::vector<double> fanFilterEff, fanSootFrac, fanFilteredKg;
    double sootSourceKgS = 0;  // soot made by the fires of the sub-step (committed in integrate)
    double depositKgS = 0, depositJS = 0;  // soot (and its enthalpy) settling on the linings, likewise
    std::vector<int> fanSlotFF, fanSlotFT, fanSlotTF, fanSlotTT;  // Jacobian slots (-1 where outside)
    // Door-jet fires, per opening and direction (slot 2 v: A -> B, 2 v + 1: B -> A), set up each
    // sub-step from the layers so that the pressure solve sees the jets' heat.
    std::vector<unsigned char> jetActive;
    std::vector<double> jetKw;                          // heat each jet released in the last sub-step
    std::vector<int> jetFire;                           // a fire of the source room (chemistry)
    std::vector<double> jetFuelFrac, jetO2Frac, jetAirCap;  // fuel / O2 mass fractions, air limit kg/s
    std::vector<double> jetAirCoeff;                    // spill-plume entrainment k: air = k m_jet^(1/3)
    // Door mixing (CFAST spill_plume), per opening and direction as the jets (2 v: in room b by
    // a's flows; 2 v + 1: in room a), kg/s of the sub-step: lower -> upper and upper -> lower.
    std::vector<double> mixUp, mixDown;

    // Water sprayed into the hot layers (water_spray.h), until untilS; the sub-step's evaporation.
    struct ActiveSpray {
        int room = 0;
        double untilS = 0;
        WaterSpray spray;
        double evaporatingKgS = 0;  ///< in the last sub-step
        double coolingW = 0;        ///< heat the evaporating water took from the gas
    };
    std::vector<ActiveSpray> sprays;

    // Smoke fronts along corridors (smoke_front.h, fire_model_fronts.cpp). Per room: its long
    // axis (-1: not a corridor, 0: x, 1: y); whether its smoke has reached both ends (then the
    // zone's layer holds everywhere); the length the smoke covers. Per opening side, as the jets
    // (2 v: in room vb fed from va, 2 v + 1: in va fed from vb), the span it fed and where along
    // the corridor it feeds; frontSlots lists each corridor's slots from frontSlotStart[room].
    // coverSpans: per room, the spans its smoke covers, merged (set each sub-step).
    std::vector<signed char> corridorAxis;
    std::vector<unsigned char> corridorFilled;
    std::vector<double> corridorCover;
    std::vector<FrontSpan> ventSpan;
    // ventSpanAt: where along the corridor the opening lies, m: its plan_center, or between two
    // rooms the middle of their shared extent; NaN where unknown (leaks, an unplaced opening to
    // outside) or the room is no corridor.
    std::vector<double> ventSpanAt;
    std::vector<int> frontSlots, frontSlotStart;
    std::vector<std::vector<FrontSpan>> coverSpans;
    // Per corridor, for layerTempAtK: the mean over its layer of the sources' decay shape (0
    // while no source feeds it) and the hottest gas a source brings in (0: a fire in the
    // corridor feeds it, which sets no bound).
    struct CorridorProfile {
        double shapeMean = 0;
        double shapeMax = 0, shapeMin = 0;  // over the layer's stretch
        double hottestFedK = 0;
    };
    std::vector<CorridorProfile> corridorProfile;

    std::vector<FireRuntime> fires;
    std::vector<DeviceRuntime> detectors, sprinklers;
    std::vector<ItemRuntime> items;
    std::vector<int> detRoom, sprRoom, itemRoom;  // room index of each device / item
    std::vector<FireEvent> events;
    double scratch[2 * kWallNodes] = {};

    ConservationTotals totals;
    SolverStats stats;

    // fire_model.cpp
    Status build();
    void initRoom(int i);
    Result<FireRuntime> makeFire(const FireDef& fd, const std::string& field) const;
    /// Zukoski's mirror multiple of a fire of that base diameter at fd's place in room (plume.h).
    int mirrorOf(const FireDef& fd, int room, double diameterM) const;
    void pushEvent(FireEventType type, int room, int fire, int device, double value);

    // fire_model_walls.cpp
    void wallHeatTransfer(double dtS);
    void radiationThroughOpenings(double dtS);
    /// What a room's upper (or lower) surfaces emit over ambient's, eps sigma (T^4 - T_a^4) at
    /// their surface at the start of the step, W/m^2 (the area-weighted mean of its slabs).
    double surfaceEmissionWM2(int room, bool upper) const;
    /// What room i's slabs take in at their backs from the rooms behind them (links): per slab
    /// k of the upper (upper = true) or lower pair, the connected area (m^2) and the heat those
    /// rooms' faces take in over it (W).
    void connectedBacks(int i, bool upper, double areaM2[2], double heatW[2]) const;
    void depositSoot(int room, bool upper, double convectiveFluxWM2, double areaM2, double dt);
    // fire_model_convection.cpp
    double upperConvection(int room, double upperK, double surfaceK, double upperAreaM2, double& gasK) const;

    // fire_model_step.cpp
    bool trySubStep(double dtS, bool lastChance);
    void updateDerived();
    void scheduleOpenings(double t0, double t1);
    void fireSources(double dtS);
    void waterSprays(double dtS);
    /// Where a spray's drops fly through the upper layer of a room (m), and its evaporated part.
    double sprayPathM(int room, const WaterSpray& spray) const;
    bool solvePressures(double dtS);
    double evaluatePressureResidual(const std::vector<double>& x, double dtS);
    VentSide side(int room, double dpOverride, bool useOverride) const;
    VentFlow openingFlow(int vent, double pa, double pb) const;
    void prepareFans(double dtS);
    double fanMassFlow(int fan, const std::vector<double>& x, double& dRise) const;
    void setFan(int fan, bool on);
    bool applyVentFlows(double dtS, bool lastChance);
    double drainScale(int room, bool upper, double dtS) const;
    // door_mixing.cpp
    void computeDoorMixing();
    void applyDoorMixing(double dtS);
    // door_jet.cpp
    void prepareDoorJets(double dtS);
    double doorJetHeatW(int slot, double jetKgS, double& dJet) const;
    void doorJetFires(double dtS);
    void integrate(double dtS);
    void updateFiresAfterStep(double dtS);
    void updateDevices(double dtS);
    // fire_model_spread.cpp
    void checkFlashoverAndItems(double dtS);
    bool sprinklerOpenIn(int room) const;
    void breakGlazing(double dtS);
    // fire_model_facade.cpp
    void externalFlames();
    /// Radiation at p in `room` from flames outside its open windows (facadeK), W/m^2.
    double facadeFluxWM2(int room, const Point3& p) const;
    /// What side `room` (-1: outside) of opening v offers its glass, whose face there is at
    /// surfaceK (window_glass.h).
    GlassSide glassSide(int room, int v, double surfaceK) const;
    /// Door-jet flames into `room` through placed wall openings, at p (FireModel::jetFlameFluxKwM2), W/m^2.
    double jetFluxWM2(int room, const Point3& p) const;
    double chooseSubStep(double remaining) const;
    void checkBackdraft(int vent);
    void setOpen(int vent, bool open);

    // fire_model_fronts.cpp
    void buildSmokeFronts();
    void advanceSmokeFronts(double dtS);
    /// Whether room r is a corridor whose smoke has not yet reached both ends.
    bool frontMoving(int r) const { return corridorAxis[r] >= 0 && !corridorFilled[r]; }
    /// The interface height at plan point (px, py) of room r: the zone's, or in a corridor whose
    /// front is moving the covered part's (its layer's volume over the covered floor) or the
    /// ceiling beyond the front. NaN px: the zone's.
    double interfaceAtZ(int r, double px, double py) const;
    /// The view factor from (px, py, z) to the layer of room r: its covered part in a corridor
    /// whose front is moving, else the whole ceiling (viewFactorToParallelRectangle).
    double layerViewFactor(int r, double px, double py, double z) const;
    /// Merges the spans room r's sources have fed into coverSpans[r] and sets corridorCover[r].
    void mergeSpans(int r);
    /// Depth of a moving front's layer: its volume over the covered floor, at most the height.
    double frontDepthM(int r) const;
    /// The speed of room r's smoke fronts (the box model's gravity current), 0 when none moves.
    double frontSpeedMS(int r) const;
    /// The decay shape of corridor r's layer temperature at s m along it: the largest
    /// exp(-|s - at| decayPerM) of its started sources (1 while none has started).
    double corridorShape(int r, double s) const;
    /// Moves each fed source's decay rate towards the one its current's heat loss per metre
    /// gives (smoke_front.h) over the time the feed takes to replace the corridor's layer, and
    /// sets corridorProfile[r] over the stretch the layer covers.
    void updateCorridorDecay(int r, double dtS);
    /// The upper layer's temperature at plan point (px, py) of room r, K: the zone's, or in a
    /// corridor fed by a source the zone's mean excess over the lower layer shaped by
    /// corridorShape (its mean over the layer is the zone's), no hotter than the hottest gas
    /// fed in. NaN px: the zone's.
    double layerTempAtK(int r, double px, double py) const;
    /// Radiant flux, W/m^2, down from room r's upper layer at temperature layerK onto a surface
    /// at ambient under it, with the ceiling behind seen through the grey layer.
    double layerFluxWM2(int r, double layerK) const;
    /// The interface a wall opening's side (slot as ventSpan) sees: zoneZ, or in a corridor whose
    /// front is moving and where the opening has a place, the covered stretch's interface or,
    /// beyond the front, none (1e30: no upper layer to give or take yet).
    double openingInterfaceZ(int slot, double zoneZ) const;

    // fire_model_query.cpp
    /// Conditions at height z in room; (px, py) places the point in plan for the layer's view
    /// factor (NaN: the room's centre).
    FireSample sampleLayer(int room, double z, double px = std::nan(""), double py = std::nan("")) const;
    /// Index of the room holding p (walls, floor and ceiling included), -1 outside every room.
    int roomContaining(const Point3& p) const;
    /// The hottest ceiling-jet excess over the gas at p and the fastest velocity of room r's
    /// burning fires at the plan position of p: Alpert's jet, in the upper layer that of the plume
    /// entering it (layered_ceiling_jet.h); in a corridor also Delichatsios's channel jet along it,
    /// and none beyond its moving smoke front; zero when none burns or no plume rises into the layer.
    CeilingJet ceilingJetAt(int r, const Point3& p) const;
    /// Fire f under its room's ceiling, for Cooper's jet and the layered Alpert jet: its layers
    /// with the interface at interfaceZ (absolute) and the upper layer at upperK.
    CeilingJetConvectionInput plumeUnderCeiling(const FireRuntime& f, double interfaceZ, double upperK) const;
    /// The same for the mirror fire of a fire against walls (plume.h): its heat and plume flow
    /// times f.mirror. Its ceiling jet and plume are a wall or corner fire's.
    CeilingJetConvectionInput mirrorPlumeUnderCeiling(const FireRuntime& f, double interfaceZ, double upperK) const;
    /// Fire f's plume temperature at p (layerK: the gas p is in): Heskestad's plume over the
    /// lower layer; above the interface, where it enters the layer above its flames, that of
    /// the continuation source (layered_ceiling_jet.h).
    double plumeTempAtK(const FireRuntime& f, const Point3& p, double layerK) const;
};

}  // namespace cd::fire
