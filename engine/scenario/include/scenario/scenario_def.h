#pragma once
/// A validated scenario: what happens in the district, when, what the trainee must do,
/// and how the session is scored. Loaded from TOML (scenario_loader.h); every field here
/// has been checked, and each part remembers the line it came from for later checks
/// against the district.
#include <map>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cd::scenario {

struct Vec3 {
    double x = 0.0, y = 0.0, z = 0.0;
};

/// Where a definition came from, for errors found after loading (e.g. unknown room).
struct SourceRef {
    std::string file;
    int line = 0;
    std::string field;  ///< e.g. "fire[0].room"
};

/// Self-contained open-circuit breathing apparatus (compressed air, EN 137): the trainee
/// breathes the cylinder's air, not the smoke, until it is used up.
struct BreathingApparatusDef {
    double cylinderL = 6.8;         ///< water capacity (a 6.8 L carbon cylinder)
    double pressureBar = 300.0;     ///< charged pressure at the start
    /// A fixed rate of air use (L/min; 40 is the rate NIOSH rates service time at, 42 CFR 84).
    /// None: the wearer's breathing follows how they move (app/breathing_rate.h), from about
    /// 10 L/min standing to 100 L/min and more running or climbing stairs in full kit.
    std::optional<double> consumptionLMin;
    double whistleBar = 55.0;       ///< low-pressure warning (EN 137: 55 +- 5 bar)
    /// The set's mass, carried on the back: about 11 kg for an EN 137 set with a 6.8 L carbon
    /// cylinder and its mask (makers' data sheets; a steel cylinder makes it 15-18 kg).
    double massKg = 11.0;
};

struct TraineeDef {
    std::string role = "student";  ///< student | teacher | responder
    std::string startRoom;          ///< a room id of the district, or empty with startPosition
    std::optional<Vec3> startPosition;
    double startYawDeg = 0.0;
    double walkSpeedMps = 1.3;
    double runSpeedMps = 2.5;
    double eyeHeightM = 1.6;
    double crouchEyeHeightM = 0.9;
    /// The heaviest piece of debris the trainee, with their team and tools, can move off a
    /// casualty: 25 kg for one person by hand (the UK HSE manual-handling guideline figure for
    /// a lift at waist height, close to the body); a rescue team with lifting bags, a tonne or more.
    double liftKg = 25.0;
    /// The body that breathes (app/breathing_rate.h): mass without kit, what is carried besides
    /// a breathing apparatus (turnout gear, tools), and aerobic capacity. Used with a breathing
    /// apparatus that has no fixed consumption.
    double bodyMassKg = 75.0;
    double loadKg = 0.0;
    double vo2MaxMlKgMin = 42.0;  ///< NFPA 1582's minimum for structural firefighters, 12 METs
    /// What the trainee carries to fight a fire with (key X, or a use_extinguisher action with
    /// no agent): "water", "foam", "co2", "powder", "wet_chemical" or "hose"; empty: nothing.
    std::string extinguisher;
    /// Firefighters' structural protective clothing (EN 469 / NFPA 1971) with hood: the FED
    /// counts no convected heat (ISO 13571's heat time is for ordinary clothing).
    bool turnoutGear = false;
    /// Worn from the start when given ([trainee.breathing_apparatus]).
    std::optional<BreathingApparatusDef> breathingApparatus;
    SourceRef source;
};

/// A fire placed by the scenario; the fire model (engine/sim/fire) takes these parameters.
struct FireDef {
    std::string id;
    std::string room;
    std::optional<Vec3> position;  ///< default: centre of the room's floor
    double atS = 0.0;              ///< ignition time
    double alphaKwS2 = 0.0469;     ///< t-squared growth coefficient (from growth class or given)
    double peakHrrKw = 1000.0;
    double areaM2 = 1.0;
    double fuelMassKg = 0.0;          ///< 0 = burns until the scenario ends
    double heatOfCombustionKjKg = 20000.0;
    double sootYield = 0.015;
    double coYield = 0.004;
    double hcnYield = 0.0;
    std::string fireClass = "A";      ///< A B C E F
    SourceRef source;
};

/// Fuel the scenario places that the fire can spread to: it ignites when the radiant heat on it
/// stays above its critical flux long enough (the fire model's ItemDef: the flux-time product of
/// q - q_crit reaches its value), then burns as `fire`.
struct FuelItemDef {
    FireDef fire;                       ///< id, room, position (required) and the fire it becomes
    std::string name;                   ///< what the trainee is told caught ("the curtains"); default the id
    std::string nameZh;
    double criticalFluxKwM2 = 10.0;     ///< no ignition below this incident flux
    double fluxTimeProductKjM2 = 1000.0;  ///< (kW/m^2)^n s; kJ/m^2 for n = 1
    double fluxTimeExponent = 1.0;        ///< n: 1 thin fuels, near 2 thick ones (fire::ItemDef)
    /// Lit by the scenario at this time (the fire starts on it), rather than by the heat on it;
    /// once put out it catches again as any item does (fire::ItemDef::igniteAtS).
    std::optional<double> igniteAtS;
    /// Extents (x, y, z) of the item as drawn, a box centred on the position; none: drawn as a
    /// fire's seat (a block from the floor up to it).
    std::optional<Vec3> size;
};

/// A timed or triggered scenario event: alarm, message, door change, fire, end.
struct TimelineEvent {
    std::string kind;       ///< alarm | message | open_door | close_door | open_window | close_window | end
    std::optional<double> atS;
    std::string on;         ///< trigger: a sim event kind ("fire.detected", "trainee.left_building", ...)
    double delayS = 0.0;    ///< after the trigger
    std::string target;     ///< door id for door events, window id for window events
    std::string text;
    std::string textZh;
    SourceRef source;
};

/// A group of people placed in a room: a class, with its teacher when leader = "teacher".
/// The crowd model (engine/sim/crowd) moves them; the app checks names against the district.
struct CrowdGroupDef {
    std::string id;
    std::string room;                   ///< a room id of the district
    int count = 1;                      ///< people besides the teacher
    std::string speedProfile = "weidmann-adult";  ///< crowd speed profile name (when no speed_mps)
    bool hasSpeedRange = false;         ///< speed_mps given: uniform in [speedMinMps, speedMaxMps]
    double speedMinMps = 1.34, speedMaxMps = 1.34;
    double premovementMinS = 0.0, premovementMaxS = 0.0;  ///< uniform, after the alarm
    /// In an earthquake: each person drops, covers and holds on this long (uniform) after the
    /// shaking begins; hasTakeCover false: they stand through it.
    bool hasTakeCover = false;
    double takeCoverMinS = 0.0, takeCoverMaxS = 0.0;
    std::string leader;                 ///< "" or "teacher" (a teacher the class follows)
    std::vector<std::string> knownExits;  ///< exit ids (or exit door ids) the group knows
    SourceRef source;
};

/// A rubric criterion as written; engine/score validates the parameters for its kind.
struct CriterionSpec {
    std::string id;
    std::string kind;
    std::string description;
    double points = 0.0;
    std::map<std::string, double> numbers;
    std::map<std::string, bool> flags;
    std::map<std::string, std::vector<std::string>> strings;  ///< single strings are lists of one
    std::map<std::string, int> keyLines;  ///< line of each parameter, for errors found later
    SourceRef source;
};

/// The largest river inflow (m^3/s) and rain (mm/h) a flood takes, in a scenario's [flood]
/// tables and on `citydrill flood`'s CSV series: no urban stream comes near 1e5 m^3/s (the
/// Amazon's mean is about 2e5), and the greatest hourly rainfalls recorded are about 400 mm.
/// Beyond them a value is a slip of the keyboard or of the units, and an absurd inflow only
/// makes the solver crawl.
inline constexpr double kMaxInflowM3s = 1e5;
inline constexpr double kMaxRainMmPerH = 500.0;

/// A river inflow of a [flood]: discharge spread over the cells under a segment.
struct FloodInflowDef {
    double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;
    std::vector<double> timesS;        ///< hydrograph times, strictly increasing
    std::vector<double> dischargeM3s;  ///< hydrograph values
    SourceRef source;
};

/// A levee breach of a [flood]: at atS the bed along the segment is lowered to crestM.
struct FloodBreachDef {
    double atS = 0.0;
    double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;
    double crestM = 0.0;
    double widthM = 2.0;
    SourceRef source;
};

/// A vehicle parked in a [flood] ([[flood.vehicle]]), checked against the stationary-vehicle
/// stability limits of its kind (the app: vehicle_stability.h).
struct FloodVehicleDef {
    std::string id;
    double x = 0.0, y = 0.0;  ///< plan position, m
    std::string kind;         ///< "small_car", "large_car" or "4wd"
    SourceRef source;
};

/// Optional [sprinklers]: a wet-pipe sprinkler system in the listed rooms. Heads on a grid at most
/// spacingM apart and half that from the walls, each covering at most 20.9 m^2, 0.1 m below the
/// ceiling (NFPA 13 (2022), light hazard: schools, offices); each opens at activationTempC through
/// its response time index and holds down the fires of its room (docs/fire.md, "Sprinklers").
struct SprinklerSystemDef {
    std::vector<std::string> rooms;  ///< district room ids
    double rtiMS = 50.0;             ///< quick response (NFPA 13: RTI <= 50 (m s)^1/2); standard 130
    double activationTempC = 68.0;   ///< ordinary rating, the common glass bulb
    double densityMmMin = 4.1;       ///< design density, NFPA 13 light hazard 0.10 gpm/ft^2
    double spacingM = 4.6;           ///< NFPA 13 light hazard maximum, 15 ft
    SourceRef source;
};

/// Optional [flood]: the shallow-water model (engine/sim/flood) over a DEM of the district.
struct FloodDef {
    std::string demPath;        ///< ESRI ASCII DEM, resolved relative to the scenario file
    double manningN = 0.03;
    double cellM = 0.0;         ///< model cell size; 0 = the DEM's (coarser = whole multiples)
    std::vector<FloodInflowDef> inflows;
    std::vector<double> rainTimesS;     ///< optional hyetograph
    std::vector<double> rainMmPerH;
    std::vector<FloodBreachDef> breaches;
    std::vector<FloodVehicleDef> vehicles;
    /// The crowd's outdoor walk from the exits to the assembly point goes through these plan
    /// points in order (the dry way round); empty = straight to the assembly point.
    std::vector<double> crowdRouteXM, crowdRouteYM;
    int crowdRouteLine = 0;
    SourceRef source;
};

/// A scripted partial collapse of an [earthquake]: at atS the structure's chunks inside the
/// part of the room (a plan box, whole room when not given) come loose; what they carried
/// follows by load flow (docs/physics.md).
struct CollapseDef {
    double atS = 0.0;
    std::string room;            ///< one of EarthquakeDef::structureRooms
    bool hasPart = false;        ///< from/to given
    double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;  ///< plan box corners of the part, metres
    SourceRef source;
};

/// A person of an [earthquake] who cannot move (hurt, hiding) at a point; debris may trap them.
struct CasualtyDef {
    std::string id;
    Vec3 position;               ///< floor level
    SourceRef source;
};

/// The ground motion of a shaking: a record, or the parametric model (docs/physics.md).
struct ShakingDef {
    std::string recordPath;      ///< CSV time_s,ax,ay,az (resolved); empty = parametric below
    double pgaG = 0.3;           ///< parametric: peak horizontal ground acceleration, g
    double periodS = 0.4;        ///< parametric: dominant (site) period
    double durationS = 20.0;     ///< parametric: whole record
    std::uint64_t recordSeed = 1;
    double jmaIntensity = 0.0;   ///< > 0: the motion is scaled so its JMA instrumental intensity is this
};

/// [[earthquake.aftershock]]: the ground shakes again at atS (after the shaking before it ended).
struct AftershockDef {
    double atS = 0.0;
    ShakingDef shaking;
    SourceRef source;
};

/// Optional [earthquake]: ground shaking from a record or a parametric model, furniture that
/// slides and topples, and a storey structure around named rooms that can give way.
struct EarthquakeDef {
    /// false: the building's physics world without shaking (furniture, breakable structure that a
    /// fire weakens, scripted collapses): a fire or collapse scenario with no earthquake.
    bool groundMotion = true;
    double atS = 0.0;            ///< shaking starts
    std::string building;        ///< the building whose rooms, furniture and structure are modelled
    ShakingDef shaking;
    std::vector<AftershockDef> aftershocks;  ///< in time order, each after the shaking before it
    std::vector<std::string> structureRooms;  ///< rooms whose walls and ceiling are breakable structure
    double designPgaG = 0.3;     ///< the structure survives this PGA on its own (0 = gravity only)
    /// How upper floors shake: "asce7" (ASCE/SEI 7-16 eq. 13.3-1, 1 + 2 z/h times the ground) or
    /// "sway" (the building's own vibration, physics/building_sway.h).
    std::string floorResponse = "asce7";
    /// With "sway": the building's fundamental period; 0 = ASCE 7's
    /// approximate period from its height.
    double buildingPeriodS = 0.0;
    double buildingDamping = 0.05;  ///< of each of its modes
    /// With "sway": 0 elastic; > 0 the storeys yield, the first at this shear over the building's
    /// weight (physics::BuildingSwayDef::yieldCoefficient).
    double buildingYieldCoefficient = 0.0;
    /// With "sway": HAZUS's model building type ("C1M") and seismic design level ("high",
    /// "moderate", "low", "pre") by which each storey's peak drift is graded as structural damage
    /// (physics/structural_damage.h); both or neither.
    std::string buildingType, seismicDesign;
    bool furniture = true;       ///< desks and hanging lights in the classrooms of that building
    bool doors = false;          ///< hinged door leaves (open) in its inner doors, which swing and are pushed
    double bookcaseTieN = 0.0;   ///< > 0: the classrooms' bookcases tied to their walls, each tie holding this force (N)
    std::vector<CollapseDef> collapses;
    std::vector<CasualtyDef> casualties;
    SourceRef source;
};

struct RubricSpec {
    std::string id;
    double passPercent = 60.0;
    std::vector<CriterionSpec> criteria;
};

struct ScenarioDef {
    std::string path;          ///< the scenario file
    std::string id;
    std::string title;
    std::string titleZh;
    std::string description;
    std::string districtPath;  ///< resolved relative to the scenario file
    /// Files the scenario names (district, bot, hooks, DEM, ground-motion record), resolved, with
    /// where each is named; loadScenario reports those that do not exist.
    std::vector<std::pair<std::string, SourceRef>> referencedFiles;
    double durationS = 300.0;
    double tickHz = 60.0;
    std::uint64_t seed = 1;
    std::string language = "en";  ///< en | zh: HUD language
    std::string assemblyPoint;    ///< id in the district
    std::vector<std::string> instructions;
    std::vector<std::string> instructionsZh;
    TraineeDef trainee;
    std::vector<FireDef> fires;
    std::vector<FuelItemDef> items;  ///< [[item]]: what a fire can spread to
    std::vector<TimelineEvent> timeline;
    std::vector<CrowdGroupDef> crowd;
    std::optional<SprinklerSystemDef> sprinklers;
    std::optional<FloodDef> flood;
    std::optional<EarthquakeDef> earthquake;
    RubricSpec rubric;
    std::string hooksPath;     ///< optional Lua hooks (lua_hooks.h), resolved relative to the file
    std::string defaultBot;    ///< optional bot file for headless runs, resolved relative to the file
};

}  // namespace cd::scenario
