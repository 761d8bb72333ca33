#pragma once
/// Plain definition structs for a compartment fire model: rooms, openings, fires,
/// detectors, sprinklers and fuel items. Settings struct in, FireModel out.
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace cd::fire {

/// A point in metres, Z up (x east, y north).
struct Point3 {
    double x = 0, y = 0, z = 0;
};

/// Thermal properties of a room's lining (its walls, or its ceiling or floor).
struct WallMaterial {
    std::string name = "gypsum";
    double conductivityWMK = 0.16;     ///< k
    double densityKgM3 = 790.0;        ///< rho
    double specificHeatJKgK = 900.0;   ///< c
    double thicknessM = 0.016;
    double emissivity = 0.9;
};

/// Built-in materials: "gypsum", "concrete", "brick", "wood", "steel", "glass".
/// Values from the CFAST thermal property database (NIST SP 1889v1) and SFPE Handbook tables.
bool builtinWallMaterial(const std::string& name, WallMaterial& out);

struct RoomDef {
    std::string id;
    Point3 originM;             ///< lower corner
    Point3 sizeM;               ///< x, y extent and height (z)
    WallMaterial wall;          ///< the walls, and the ceiling and floor unless given below
    /// The ceiling's and the floor's linings where they are not the walls' (CFAST's separate
    /// ceiling, wall and floor materials): a concrete slab over plastered walls.
    std::optional<WallMaterial> ceiling, floor;
    double leakageAreaM2 = 0;   ///< effective leak area to outside (cracks), spread over the height
    /// A corridor: smoke entering it runs along its long axis as a gravity current (smoke_front.h)
    /// and conditions beyond the front stay those of the lower layer. Otherwise (as in CFAST, whose
    /// corridor model had to be asked for) the layer lies under the whole ceiling at once.
    bool corridor = false;
    int line = 0;               ///< source line in a case file, 0 if built in code
};

/// Two rooms whose boundary between them passes heat from one to the other by conduction
/// (CFAST's surface connections, CONN): a wall between rooms side by side, or the ceiling of one
/// that is the floor of the room above. Which surface it is, and its area, follow from the rooms'
/// boxes (sharedSurface). Without one a room's linings lose their heat to ambient behind them.
struct ConnectionDef {
    std::string roomA, roomB;
    int line = 0;
};

/// The surface two rooms share, seen from room a: part of its walls (over zBottomM..zTopM,
/// absolute heights), its ceiling (b lies above it) or its floor (b lies below it).
struct SharedSurface {
    enum class Part { Wall, Ceiling, Floor };
    Part part = Part::Wall;
    double areaM2 = 0;
    double zBottomM = 0, zTopM = 0;
};

/// Facing sides of two rooms at most this far apart share a surface: a wall or a floor slab
/// lies between them (the district's rooms are boxes of air, 0.25-0.3 m apart).
inline constexpr double kSharedSurfaceGapM = 0.5;

/// The surface a and b share: facing sides at most kSharedSurfaceGapM apart that overlap over
/// a positive area. None for rooms apart, overlapping, or touching only along an edge.
std::optional<SharedSurface> sharedSurface(const RoomDef& a, const RoomDef& b);

/// Name used for the outside (ambient reservoir) in OpeningDef::roomB.
inline constexpr const char* kOutside = "outside";

/// Wall openings (doors, windows: flow by the pressure profile over their height) or
/// horizontal vents in a ceiling (a roof smoke vent, a hatch, a stairwell opening to the floor
/// above: flow by the pressure difference across them, Cooper's exchange flow when the denser
/// gas lies on top).
enum class OpeningKind { Wall, Ceiling };
/// Shape of a ceiling vent (sets its flooding pressure and exchange flow, Cooper 1998).
enum class VentShape { Square, Round };

/// Window glass with a heat-transfer model (window_glass.h): None leaves only the room-gas
/// criterion of OpeningDef::glassBreaksAtC. Float: annealed float glass; it cracks, then falls
/// out. Toughened: thermally toughened; it breaks into small pieces and falls out at once.
enum class GlassKind { None, Float, Toughened };

/// The glazing of a window: one pane, or two with a sealed gap (double glazing).
struct GlazingDef {
    GlassKind kind = GlassKind::None;
    int panes = 1;                   ///< 1 or 2
    double thicknessM = 0.004;       ///< of each pane
    double gapM = 0.012;             ///< between the panes of double glazing
    double breakingStressMPa = 0;    ///< 0: the kind's characteristic strength (window_glass.h)
};

/// A door, window or vent: a rectangular opening in a wall between two rooms or to outside,
/// or (kind Ceiling) a vent in roomA's ceiling to the room above (whose floor lies at roomA's
/// ceiling height) or to outside.
struct OpeningDef {
    std::string id;
    std::string roomA;
    std::string roomB = kOutside;
    OpeningKind kind = OpeningKind::Wall;
    double widthM = 1.0;           ///< wall openings
    double heightM = 2.0;          ///< wall openings
    double sillM = 0.0;            ///< wall openings: sill height above roomA's floor
    double areaM2 = 1.0;           ///< ceiling vents: open area
    VentShape shape = VentShape::Square;  ///< ceiling vents
    bool open = true;              ///< state at t = 0
    double openAtS = -1;           ///< scheduled opening time, < 0 for none
    double closeAtS = -1;          ///< scheduled closing time, < 0 for none
    double dischargeCoeff = 0.7;   ///< orifice coefficient (CFAST: 0.7 wall vents, 0.68 ceiling vents)
    /// Wall openings: where the opening's centre lies in plan, when known. Then the flames of a
    /// door-jet fire through it radiate (on people, probes and items) from the doorway.
    bool placed = false;
    double centerXM = 0, centerYM = 0;
    /// Placed wall openings to outside: the outward normal in plan, which says the facade it is in
    /// (flames out of the windows below heat it). (0, 0): the nearest side of roomA's box.
    double outwardX = 0, outwardY = 0;
    /// Wall openings: a glazed window, shut until its glass falls out (> 0). Then it opens for
    /// good: once the upper layer on either side reaches down past the opening's top at this
    /// temperature, C. Babrauskas (1998) puts the chance that thin single glazing falls out at
    /// about 1/6 at 450 C room gas; kSingleGlazingFalloutC takes that as the breaking point.
    double glassBreaksAtC = 0;
    /// Wall openings: the glass heated through (window_glass.h). It cracks when a pane's mean
    /// temperature rises far enough above its shaded edge; float glass then falls out at
    /// glassBreaksAtC (kSingleGlazingFalloutC when 0), toughened glass at once. The window opens
    /// when every pane is out.
    GlazingDef glazing;
    int line = 0;
};

/// Upper-layer temperature at which ordinary single glazing is taken to fall out, C
/// (Babrauskas, "Glass breakage in fires", The Fire Place, 1998: about 1 in 6 thin single panes
/// out at a room gas temperature near 450 C; fall-out grows more likely above it).
inline constexpr double kSingleGlazingFalloutC = 450.0;

/// A fan (CFAST mechanical vent): moves a set volume flow of the gas at its inlet from one
/// room (or outside: a supply fan) to another (or outside: an exhaust fan), or back into the
/// same room (a recirculating fan: with a filter, a room air cleaner). The inlet height picks the
/// layer it draws from. Flow is constant until the pressure it works against reaches
/// cutoffStartPa, then falls linearly to zero at cutoffEndPa (CFAST's fan curve). A filter
/// (CFAST 7 MVENT FILTER_EFFICIENCY / FILTER_TIME) takes filterEfficiency of the soot out of
/// the flow, ramping up linearly over 1 s from filterAtS as CFAST does.
struct FanDef {
    std::string id;
    std::string from = kOutside;   ///< room id or outside
    std::string to = kOutside;     ///< room id or outside (not both outside)
    double flowM3S = 1.0;          ///< volume flow at the inlet's gas density, > 0
    double fromHeightM = 0;        ///< inlet height above the floor of `from` (rooms only)
    double toHeightM = 0;          ///< outlet height above the floor of `to` (rooms only)
    bool on = true;                ///< state at t = 0
    double onAtS = -1;             ///< scheduled switching on, < 0 for none
    double offAtS = -1;            ///< scheduled switching off, < 0 for none
    double cutoffStartPa = 200.0;  ///< CFAST default
    double cutoffEndPa = 300.0;    ///< CFAST default
    double filterEfficiency = 0;   ///< fraction 0..1 of the soot removed (case file: percent, as CFAST)
    double filterAtS = 0;          ///< the filter starts to act (reaches full efficiency 1 s later)
    int line = 0;
};

/// Fire classes of EN 2 / ISO 3941 plus E (live electrical).
enum class FireClass { A, B, C, E, F };

struct HrrPoint {
    double timeS = 0;
    double hrrKw = 0;
};

/// Growth coefficients of the standard t-squared fires, kW/s^2 (NFPA 92, SFPE Handbook).
inline constexpr double kAlphaSlow = 0.00293;
inline constexpr double kAlphaMedium = 0.01172;
inline constexpr double kAlphaFast = 0.0469;
inline constexpr double kAlphaUltrafast = 0.1876;

struct FireDef {
    std::string id;
    std::string room;
    Point3 positionM;                 ///< centre of the fire base
    double startS = 0;                ///< ignition time (t = 0 of the HRR curve)
    double alphaKwS2 = kAlphaMedium;  ///< t-squared growth; ignored if hrrTable is not empty
    double peakHrrKw = 1000.0;
    std::vector<HrrPoint> hrrTable;   ///< piecewise linear HRR(t - startS); overrides alpha
    double areaM2 = 1.0;              ///< fire base area (plume diameter, flame height)
    double fuelMassKg = 0;            ///< burnable fuel; 0 = unlimited
    double heatOfCombustionKjKg = 20000.0;
    double radiativeFraction = 0.35;
    double sootYield = 0.015;         ///< kg/kg of fuel burnt
    double coYield = 0.004;
    double hcnYield = 0.0;
    double carbonAtoms = 1.0;         ///< fuel formula C_c H_h O_o N_n (per molecule)
    double hydrogenAtoms = 2.0;
    double oxygenAtoms = 0.0;
    double nitrogenAtoms = 0.0;
    FireClass fireClass = FireClass::A;
    int line = 0;
};

enum class DetectorKind { Smoke, Heat };

struct DetectorDef {
    std::string id;
    std::string room;
    Point3 positionM;
    DetectorKind kind = DetectorKind::Smoke;
    double activationTempC = 57.22;          ///< heat: link temperature (CFAST default 135 F)
    double rtiMS = 5.0;                      ///< heat: response time index, (m s)^0.5
    double cFactor = 0.0;                    ///< conduction factor, (m/s)^0.5
    double obscurationPctPerM = 23.93;       ///< smoke: 8 %/ft, the CFAST default
    /// smoke: characteristic length L of the chamber's entry lag (Heskestad 1975), m; the chamber
    /// follows the gas at the rate u / L, u the ceiling-jet velocity. 0 = no lag (CFAST).
    double characteristicLengthM = 0.0;
    int line = 0;
};

struct SprinklerDef {
    std::string id;
    std::string room;
    Point3 positionM;
    double activationTempC = 73.89;   ///< CFAST default 165 F
    double rtiMS = 130.0;             ///< standard-response bulb
    double cFactor = 0.0;
    double sprayDensityMmS = 0.07;    ///< water spray density (Evans suppression model)
    int line = 0;
};

/// A fuel item that can be ignited by incident radiant flux (secondary fire).
struct ItemDef {
    std::string id;
    std::string room;
    Point3 positionM;
    double criticalFluxKwM2 = 10.0;    ///< no ignition below this incident flux
    /// Ignites when the integral of (q - q_crit)^n dt reaches this: kJ/m^2 for n = 1, in general
    /// (kW/m^2)^n s. Under a steady flux, t_ig = FTP / (q - q_crit)^n.
    double fluxTimeProductKjM2 = 1000;
    /// n: 1 for thermally thin fuels (fabrics, paper), near 2 for thick ones (Smith & Satija 1983;
    /// Shields, Silcock & Murray 1994); wood 1 / 0.547 = 1.83 (Janssens 1991). From 1 to 2.
    double fluxTimeExponent = 1.0;
    /// >= 0: lit by the scenario at this time (a fire that starts on it) rather than by the heat
    /// on it; once put out it catches again as any item does. < 0: lit only by the heat.
    double igniteAtS = -1;
    FireDef fire;                      ///< the fire it becomes (room/position taken from the item)
    int line = 0;
};

struct FireModelDef {
    std::vector<RoomDef> rooms;
    std::vector<OpeningDef> openings;
    std::vector<FanDef> fans;
    std::vector<FireDef> fires;
    std::vector<DetectorDef> detectors;
    std::vector<SprinklerDef> sprinklers;
    std::vector<ItemDef> items;
    std::vector<ConnectionDef> connections;
    double ambientTempC = 20.0;
    double ambientPressurePa = 101325.0;
    double maxStepS = 0.5;               ///< largest internal step
    /// Soot settles on the linings by thermophoresis (soot_deposition.h). Off: as CFAST, which
    /// keeps all soot in the gas (for comparisons with it).
    bool sootDeposition = true;
    double lowerOxygenLimitPct = 15.0;   ///< burning stops below this O2 volume % (CFAST's 0.15 is by mass: ~13.6 %)
    double flashoverTempC = 600.0;
    double flashoverFloorFluxKwM2 = 20.0;
    /// Door-jet fires (CFAST): unburnt fuel in a hot upper layer flowing through a wall opening
    /// into a room burns there with the air it mixes with at the opening.
    bool doorJetFires = true;
    /// Jet ignition temperature; below 0: ambient + 200 K (CFAST's default TGIGNT).
    double doorJetIgnitionTempC = -1.0;
    /// Ceiling-jet convection (CFAST's CJET option, Cooper's correlations): the fires' ceiling
    /// jets raise the convective heat transfer to the ceiling and upper walls of their room.
    bool ceilingJetConvection = true;
    /// Door mixing (CFAST's vent-flow entrainment, spill_plume): a hot outflow entering a room
    /// below its interface carries that room's lower-layer gas up into its upper layer, a cold
    /// inflow entering above it carries upper-layer gas down (door_mixing.h).
    bool doorMixing = true;
    std::string sourceFile;              ///< for error messages
};

/// Connects every pair of def's rooms that share a surface (as a session connects the
/// district's), after any connections already there.
void connectFacingRooms(FireModelDef& def);
/// Checks every field; the error names file, line and field ("fire[2].peak_hrr_kw").
Status validate(const FireModelDef& def);
/// Whether a point lies in a room's box (on its walls, floor or ceiling counts, to 1 um).
bool roomContains(const RoomDef& room, const Point3& pointM);
/// Checks one fire against the rooms of def (used by ignite at run time).
Status validateFire(const FireModelDef& def, const FireDef& fire, const std::string& field);

}  // namespace cd::fire
