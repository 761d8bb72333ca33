#pragma once
// A responder freeing a casualty trapped under debris. Within reach of the casualty and with
// the ground still, the trainee lifts the pieces that hold them down one at a time, the highest
// first (a piece resting on another comes off before it). A piece takes
//   kBaseS + kPerKgS x mass
// (10 s + 0.06 s/kg: reach it, free it, lift or jack it, set it aside; our assumption, there is
// no published rate); the rescuer must stand within kReachM of it. The piece leaves the physics
// world when done, so whatever rested on it may fall,
// onto the casualty again or onto the rescuer. A piece heavier than the trainee can move (their
// lift_kg) stops the work: it needs more hands or lifting equipment.
//
// Rescuers work their way into a heap. Of the pieces on the casualty they lift the highest within
// reach that nothing higher rests on. While none is within reach they step in towards the highest
// as far as the ground lets them (stepIn(): the session walks them there); when a step gains
// nothing, they lift the loose debris within reach that lies in the way
// (EarthquakeHazard::debrisInWay), nearest first, and step in again. With nothing in the way
// to lift, the way in is shut and the work stops.
#include <optional>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

#include "core/hash.h"
#include "core/result.h"
#include "earthquake_hazard.h"
#include "fire_hazard.h"

namespace cd::app {

class DebrisRescue {
public:
    static constexpr double kBaseS = 10.0;
    static constexpr double kPerKgS = 0.06;
    /// How far (horizontally) the rescuer may stand from the nearest side of the piece they
    /// lift: an arm's length, a step onto the edge of the heap and the tools (pry bar, a lifting
    /// bag slid under on its hose); our assumption. They work from the edge of the heap.
    static constexpr float kReachM = 2.5f;

    explicit DebrisRescue(double liftKg) : liftKg_(liftKg) {}

    /// Starts work on the casualty (the caller records rescue.start); the error says why not (no
    /// such casualty, not trapped, out of reach with nothing in the way to lift, the ground still
    /// shaking).
    Status start(const EarthquakeHazard& quake, const std::string& casualtyId, const glm::vec3& rescuerFeetM, double timeS);
    /// Each tick after the physics: lifts the current piece away when its time is up, starts on
    /// the next; stops when the casualty is free, a piece is too heavy, the rescuer walks away,
    /// the way in stays shut or the ground shakes. walking: the rescuer is still on the way to
    /// stepIn(). Events: rescue.piece_cleared (value: kg; text says whether it lay in the way),
    /// rescue.step_in, rescue.too_heavy (value: kg), rescue.stopped.
    void update(EarthquakeHazard& quake, const glm::vec3& rescuerFeetM, bool walking, double timeS, std::vector<HazardEvent>& out);
    /// Where the rescuer steps in to next (towards the piece beyond reach, on their floor), while
    /// they should be walking there; the caller walks them and reports walking until they stop.
    const std::optional<glm::vec3>& stepIn() const { return stepIn_; }
    /// The rescuer gives up (struck, incapacitated): no event.
    void cancel() { working_ = false; }
    bool working() const { return working_; }
    /// Pieces carried away so far, and their total mass.
    int piecesCleared() const { return pieces_; }
    /// The piece being lifted now (none between pieces) and how much of its time has passed, 0..1.
    const std::optional<DebrisPiece>& currentPiece() const { return piece_; }
    double pieceDone(double timeS) const;
    /// Whether this rescue has lifted debris off that casualty (so their being free is its doing).
    bool workedOn(const std::string& casualtyId) const { return pieces_ > 0 && casualtyId == casualtyId_; }
    double massClearedKg() const { return massKg_; }
    void hash(StateHasher& h) const;

private:
    /// The next piece to lift, and when it will be done; false when none is left.
    bool next(const EarthquakeHazard& quake, double timeS, std::vector<HazardEvent>& out);

    double liftKg_;
    bool working_ = false;
    int casualty_ = -1;
    std::string casualtyId_;
    glm::vec3 workFeetM_{0.0f};
    std::optional<DebrisPiece> piece_;
    bool pieceInWay_ = false;
    std::optional<glm::vec3> stepIn_;
    bool stepTried_ = false;      // a step in since the last piece was lifted (and it gained nothing yet)
    float goalDistanceM_ = 0.0f;  // from where the last step in began to the piece beyond reach
    double startedAtS_ = 0.0;
    double doneAtS_ = 0.0;
    int pieces_ = 0;
    double massKg_ = 0.0;
};

}  // namespace cd::app
