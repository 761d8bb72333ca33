// CrowdSim, operational level: one fixed step of the collision-free speed model
// (Tordeux, Chraibi & Seyfried 2016) with a hard wall constraint, plus stair links.
#include <algorithm>
#include <array>
#include <cmath>

#include "core/job_pool.h"
#include "crowd/crowd_sim.h"
#include "nav_map.h"

namespace cd::crowd {

namespace {
constexpr double kNeighbourRadiusM = 1.5;  // beyond v0 T + l (< 1.45 m) and l + 10 D nobody matters
constexpr double kWallClearanceM = 0.05;   // centres never come closer to a wall than this
constexpr int kMaxNeighbours = 128;
// Longest step per time step: keeps every wall a step could reach within kWallQueryM (0.6 m).
constexpr double kMaxStepM = 0.5;
constexpr double kStandingMps = 0.1;       // an external person slower than this stands
constexpr double kSidewaysRadiusM = 0.15;  // half a body turned sideways to pass someone (about 0.3 m)
constexpr double kBrushM = 0.02;           // how far two bodies may press (clothes) as one squeezes past
constexpr double kDriftMps = 0.05;         // sideways faster than this, one keeps to that side
}  // namespace

void CrowdSim::rebuildGrid() {
    std::fill(cellStart_.begin(), cellStart_.end(), 0u);
    const size_t n = agents_.size();
    for (size_t i = 0; i < n; ++i) {
        const Agent& a = agents_[i];
        if (a.state != AgentState::Walking && a.state != AgentState::Waiting) continue;
        ++cellStart_[cellIndex(a.pos, a.level) + 1];
    }
    for (size_t c = 1; c < cellStart_.size(); ++c) cellStart_[c] += cellStart_[c - 1];
    // Fill by a second counting pass; agent order within a cell is the index order, so the
    // grid (and every sum over it) is the same for any thread count.
    std::vector<std::uint32_t>& fill = cellAgents_;
    for (size_t i = 0; i < n; ++i) {
        const Agent& a = agents_[i];
        if (a.state != AgentState::Walking && a.state != AgentState::Waiting) continue;
        const int c = cellIndex(a.pos, a.level);
        const std::uint32_t slot = cellStart_[c]++;
        fill[slot] = static_cast<std::uint32_t>(i);
        cellPos_[slot] = a.pos;
        cellRadius_[slot] = a.radiusM;
        cellStanding_[slot] = (a.external && length(a.vel) < kStandingMps) || a.state == AgentState::Waiting;
    }
    // cellStart_[c] now holds the end of cell c: shift right to restore starts.
    for (size_t c = cellStart_.size() - 1; c > 0; --c) cellStart_[c] = cellStart_[c - 1];
    cellStart_[0] = 0;
}

void CrowdSim::moveAgent(size_t i) {
    const Agent& a = agents_[i];
    nextPos_[i] = a.pos;
    nextVel_[i] = {};
    event_[i] = -1;
    if (a.state != AgentState::Walking || a.external) return;
    const auto& gates = nav_->gates();
    const double v0 = effectiveSpeed(a);
    if (a.leavingGate >= 0) {
        // Past an exit: keep walking straight out, still an obstacle to those behind, so an exit
        // behaves like a door with depth rather than a sink that swallows people on contact.
        const Vec2 out = nav_->outwardNormal(a.leavingGate, a.area);
        double gap = 1e9;
        const int c0 = cellIndex(a.pos, a.level);
        const int cx = c0 % gridNx_, cy = (c0 / gridNx_) % gridNy_, cl = c0 / (gridNx_ * gridNy_);
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) {
                const int x = cx + dx, y = cy + dy;
                if (x < 0 || y < 0 || x >= gridNx_ || y >= gridNy_) continue;
                const int c = (cl * gridNy_ + y) * gridNx_ + x;
                for (std::uint32_t k = cellStart_[c]; k < cellStart_[c + 1]; ++k) {
                    const Agent& b = agents_[cellAgents_[k]];
                    if (cellAgents_[k] == i) continue;
                    const Vec2 d = b.pos - a.pos;
                    if (dot(out, d) > 0.0 && std::abs(cross(out, d)) < a.radiusM + b.radiusM)
                        gap = std::min(gap, length(d) - a.radiusM - b.radiusM);
                }
            }
        const double speed = std::clamp(gap / settings_.timeGapS, 0.0, std::max(v0, 0.3));
        nextPos_[i] = a.pos + out * (speed * settings_.dtS);
        nextVel_[i] = out * speed;
        if (dot(nextPos_[i] - gates[a.leavingGate].mid, out) > 1.0) event_[i] = a.leavingGate;
        return;
    }

    // Desired direction e0: close up to the leader, else descend the floor field to the next gate.
    // Straight at the leader only in plain sight: with desks or a wall between, the follower
    // takes the floor field to the gate the leader makes for, round them (not into them).
    Vec2 e0{};
    if (a.leader >= 0) {
        const Agent& l = agents_[a.leader];
        if (l.state == AgentState::Walking && l.area == a.area && l.level == a.level &&
            length(l.pos - a.pos) > settings_.followDistanceM && nav_->lineClear(a.pos, l.pos, a.level))
            e0 = normalized(l.pos - a.pos);
    }
    if (length(e0) == 0.0 && a.nextGate >= 0) {
        const Gate& g = gates[a.nextGate];
        const int k = nav_->localIndex(a.area, a.nextGate);
        const double d = distanceToSegment(a.pos, g.seg);
        bool aimed = false;
        if (g.isDoor() && d < 0.6) {
            // At the door: aim through it, at the part of the opening clear of the jambs; but
            // only in plain sight: behind an obstacle by the door (a door leaf, a heap of
            // debris) the floor field leads round it.
            const Vec2 u = normalized(g.seg.b - g.seg.a);
            const double inset = std::min(a.radiusM + 0.05, 0.5 * g.widthM);
            const Segment opening{g.seg.a + u * inset, g.seg.b - u * inset};
            const Vec2 c = closestPointOnSegment(a.pos, opening);
            bool inSight = true;
            nav_->forWallsNear(a.pos, a.level, [&](int w) {
                const Segment& s = nav_->walls()[w];
                if (inSight && segmentsIntersect(a.pos, c, s.a, s.b)) inSight = false;
            });
            if (inSight) {
                e0 = normalized(normalized(c - a.pos) + nav_->outwardNormal(a.nextGate, a.area));
                aimed = true;
            }
        }
        if (!aimed && !g.isDoor() && d < 1.0) {
            e0 = normalized(closestPointOnSegment(a.pos, g.seg) - a.pos);
        } else if (!aimed && k >= 0) {
            e0 = nav_->field(a.area).direction(k, a.pos);
        }
        if (length(e0) == 0.0) e0 = normalized(g.mid - a.pos);
    }
    if (length(e0) == 0.0) return;  // no route: stand still

    // Neighbours from the 5x5 block of 1 m cells around the person (same level only).
    std::array<std::uint32_t, kMaxNeighbours> nb;
    std::array<bool, kMaxNeighbours> passingNb;
    int nn = 0;
    const int c0 = cellIndex(a.pos, a.level);
    const int cx = c0 % gridNx_, cy = (c0 / gridNx_) % gridNy_, cl = c0 / (gridNx_ * gridNy_);
    Vec2 repulsion{};
    for (int dy = -2; dy <= 2; ++dy) {
        const int y = cy + dy;
        if (y < 0 || y >= gridNy_) continue;
        for (int dx = -2; dx <= 2; ++dx) {
            const int x = cx + dx;
            if (x < 0 || x >= gridNx_) continue;
            const int c = (cl * gridNy_ + y) * gridNx_ + x;
            for (std::uint32_t k = cellStart_[c]; k < cellStart_[c + 1]; ++k) {
                const std::uint32_t j = cellAgents_[k];
                if (j == i) continue;
                const Vec2 d = cellPos_[k] - a.pos;
                const double dist2 = dot(d, d);
                if (dist2 > kNeighbourRadiusM * kNeighbourRadiusM) continue;
                // Someone standing ahead (the trainee still, or anyone waiting to move): walked
                // round (below), and passed turned sideways.
                const bool passing = cellStanding_[k] && dot(e0, d) > 0.0;
                if (nn < kMaxNeighbours) passingNb[nn] = passing, nb[nn++] = k;
                const double l = (passing ? std::min(a.radiusM, kSidewaysRadiusM) : a.radiusM) + cellRadius_[k];
                const double reach = l + 8.0 * settings_.neighbourRangeM;  // beyond: R < a e^-8 = 0.003, negligible
                if (dist2 > reach * reach) continue;
                const double dist = std::sqrt(dist2);
                const Vec2 n = dist > 1e-9 ? d * (1.0 / dist) : Vec2{j > i ? 1.0 : -1.0, 0.0};
                // Tordeux et al. 2016, Eq. (3): R(s) = a exp((l - s) / D)
                const double R = settings_.neighbourStrength * std::exp((l - dist) / settings_.neighbourRangeM);
                if (!passing || dist < l) repulsion = repulsion - n * R;
                if (passing) {
                    // The one standing ahead is walked round, not stood behind: the CSM's push
                    // from someone straight ahead only holds one back (and, isotropic, keeps one
                    // off them even alongside, where an aisle leaves no room for it), so their
                    // influence acts across the way, away from them (the anticipation velocity
                    // model's influence direction: Xu, Chraibi & Seyfried 2021, Eq. (5)). As
                    // with walls, the push back is left only to restore clearance from an overlap.
                    // Round the side one is already stepping to (the way ahead wobbles from step
                    // to step, and with it which side the one standing is on), else away from them.
                    const Vec2 left{-e0.y, e0.x};
                    const double drift = dot(left, a.vel), side = dot(left, d);
                    const bool goLeft = std::abs(drift) > kDriftMps ? drift > 0.0 : side < -1e-6 || (std::abs(side) <= 1e-6 && i % 2 == 0);
                    repulsion = repulsion + (goLeft ? left : left * -1.0) * R;
                }
            }
        }
    }
    // Walls within reach: one distance each, reused by the repulsion and by the hard constraint.
    const auto& walls = nav_->walls();
    constexpr int kMaxNearWalls = 48;
    std::array<int, kMaxNearWalls> nearWall;
    std::array<double, kMaxNearWalls> nearDist;
    int nw = 0;
    nav_->forWallsNear(a.pos, a.level, [&](int w) {
        const Vec2 c = closestPointOnSegment(a.pos, walls[w]);
        const Vec2 d = a.pos - c;
        const double dist = length(d);
        if (dist > kWallQueryM) return;
        if (nw < kMaxNearWalls) {
            nearWall[nw] = w;
            nearDist[nw++] = dist;
        }
        if (dist < 1e-9 || dist > a.radiusM + 10.0 * settings_.wallRangeM) return;
        const Vec2 n = d * (1.0 / dist);
        // Walls guide rather than push back: the part of the wish that runs into a touching
        // wall is removed (people slide along it, e.g. round a door jamb into the opening).
        // A radial push of strength a exp((r - d) / D) alone traps people at jambs in arches.
        const double into = dot(e0, n);
        if (into < 0.0) e0 = e0 - n * into;
        repulsion = repulsion + n * std::min(1.0, settings_.wallStrength * std::exp((a.radiusM - dist) / settings_.wallRangeM) *
                                                      std::max(0.0, a.radiusM - dist) / a.radiusM);
    });
    Vec2 e = normalized(e0 + repulsion);
    if (length(e) == 0.0) e = e0;

    // Speed from the headway to the nearest person ahead within a body width (Eq. (1)-(2)).
    double gap = 1e9;
    for (int k = 0; k < nn; ++k) {
        const Vec2 d = cellPos_[nb[k]] - a.pos;
        const double along = dot(e, d);
        if (along <= 0.0) continue;
        // Passing someone who stands, bodies may brush by kBrushM: at touching distance the one
        // passing still creeps on across the way instead of standing fixed against them.
        const double l = passingNb[k] ? std::min(a.radiusM, kSidewaysRadiusM) + cellRadius_[nb[k]] - kBrushM : a.radiusM + cellRadius_[nb[k]];
        if (std::abs(cross(e, d)) >= l) continue;
        gap = std::min(gap, length(d) - l);
    }
    // A step is at most kMaxStepM, so only walls that close can be crossed or come too near.
    const double speed = std::min(std::clamp(gap / settings_.timeGapS, 0.0, v0), kMaxStepM / settings_.dtS);
    Vec2 next = a.pos + e * (speed * settings_.dtS);
    const double reach = speed * settings_.dtS + kWallClearanceM + 1e-6;

    // Hard constraint: a step never crosses a wall or a closed door, and never ends closer
    // to one than kWallClearanceM unless it moves away. Blocked steps slide along the wall.
    auto blocker = [&](Vec2 p0, Vec2 p1, Segment& hit) -> bool {
        bool blocked = false;
        auto test = [&](const Segment& s) {
            if (blocked) return;
            const double d1 = distanceToSegment(p1, s);
            if (segmentsIntersect(p0, p1, s.a, s.b) || (d1 < kWallClearanceM && d1 < distanceToSegment(p0, s))) {
                blocked = true;
                hit = s;
            }
        };
        for (int k = 0; k < nw; ++k)
            if (nearDist[k] <= reach) test(walls[nearWall[k]]);
        for (int g : nav_->areaGates(a.area))
            if (gates[g].door >= 0 && !building_.doors[gates[g].door].open) test(gates[g].seg);
        return blocked;
    };
    Segment hit;
    if (blocker(a.pos, next, hit)) {
        const Vec2 t = normalized(hit.b - hit.a);
        const Vec2 slide = a.pos + t * dot(next - a.pos, t);
        Segment hit2;
        next = blocker(a.pos, slide, hit2) ? a.pos : slide;
    }

    // Crossing an open door moves the person to the next area (or out); reaching the chosen
    // stair landing asks to step onto the stair.
    const double sx0 = std::min(a.pos.x, next.x), sx1 = std::max(a.pos.x, next.x);
    const double sy0 = std::min(a.pos.y, next.y), sy1 = std::max(a.pos.y, next.y);
    for (int g : nav_->areaGates(a.area)) {
        const Gate& gt = gates[g];
        if (gt.isDoor()) {
            // Bounding boxes first: most doors of a corridor are far from this step.
            if (sx1 < std::min(gt.seg.a.x, gt.seg.b.x) || sx0 > std::max(gt.seg.a.x, gt.seg.b.x) ||
                sy1 < std::min(gt.seg.a.y, gt.seg.b.y) || sy0 > std::max(gt.seg.a.y, gt.seg.b.y))
                continue;
            if (building_.doors[gt.door].open && segmentsIntersect(a.pos, next, gt.seg.a, gt.seg.b)) {
                event_[i] = g;
                break;
            }
        } else if (g == a.nextGate && distanceToSegment(next, gt.seg) < a.radiusM + 10.0 * settings_.wallRangeM + 0.1) {
            event_[i] = g;
            break;
        }
    }
    nextPos_[i] = next;
    nextVel_[i] = (next - a.pos) * (1.0 / settings_.dtS);
}

void CrowdSim::commit() {
    const double tNew = timeS_ + settings_.dtS;
    const auto& gates = nav_->gates();
    for (std::uint32_t i : active_) {
        Agent& a = agents_[i];
        if (a.leavingGate < 0) a.pathLengthM += length(nextPos_[i] - a.pos);
        a.pos = nextPos_[i];
        a.vel = nextVel_[i];
        const int g = event_[i];
        if (g < 0) continue;
        const Gate& gt = gates[g];
        if (gt.isDoor()) {
            const int other = gt.areaA == a.area ? gt.areaB : gt.areaA;
            if (other == kSafeArea && a.leavingGate < 0) {
                a.leavingGate = g;  // passed the exit: counted out now, clears the way over 1 m
                a.exitTimeS = tNew;
                a.exitDoor = gt.door;
            } else if (other == kSafeArea) {
                a.state = AgentState::Out;
                a.vel = {};
                ++evacuated_;
            } else {
                a.area = other;
                a.lastGate = g;
                a.nextGate = -1;
                a.chosenExit = -1;
                replan(i);
            }
            continue;
        }
        // Step onto a stair if its entry flow and its capacity allow (SFPE max specific flow).
        const Stair& st = building_.stairs[gt.stair];
        const int dir = gt.kind == Gate::Kind::StairFrom ? 0 : 1;
        StairLane& lane = lanes_[static_cast<size_t>(gt.stair) * 2 + dir];
        const double w = std::max(0.3, gt.widthM);
        const double headway = 1.0 / (w * st.maxFlowPerMs);
        const int capacity = std::max(1, static_cast<int>(st.lengthM * w * 2.0));
        if (lane.onStair >= capacity || tNew < lane.lastEntryS + headway) continue;
        const int destArea = gt.areaB;
        const bool up = building_.areas[destArea].level > a.level;
        const double vStair = std::max(0.05, effectiveSpeed(a) * (up ? st.upSpeedFactor : st.downSpeedFactor));
        const double ready = std::max(tNew + st.lengthM / vStair, lane.lastReadyS + headway);
        lane.lastEntryS = tNew;
        lane.lastReadyS = ready;
        ++lane.onStair;
        lane.fifo.push_back(static_cast<int>(i));
        const Vec2 sd = gt.seg.b - gt.seg.a;
        a.stairLateral = std::clamp(dot(a.pos - gt.seg.a, sd) / std::max(1e-9, dot(sd, sd)), 0.15, 0.85);
        a.state = AgentState::OnStair;
        a.stair = gt.stair;
        a.stairDir = dir;
        a.stairReadyS = ready;
        a.vel = {};
    }
}

bool CrowdSim::landingFree(Vec2 p, int level, double radiusM) const {
    const int c0 = cellIndex(p, level);
    const int cx = c0 % gridNx_, cy = (c0 / gridNx_) % gridNy_, cl = c0 / (gridNx_ * gridNy_);
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
            const int x = cx + dx, y = cy + dy;
            if (x < 0 || y < 0 || x >= gridNx_ || y >= gridNy_) continue;
            const int c = (cl * gridNy_ + y) * gridNx_ + x;
            for (std::uint32_t k = cellStart_[c]; k < cellStart_[c + 1]; ++k) {
                const Agent& b = agents_[cellAgents_[k]];
                const bool onFloor = b.state == AgentState::Walking || b.state == AgentState::Waiting;
                if (onFloor && b.level == level && length(b.pos - p) < radiusM + b.radiusM) return false;
            }
        }
    for (int j : placedThisStep_) {
        const Agent& b = agents_[j];
        if (b.level == level && length(b.pos - p) < radiusM + b.radiusM) return false;
    }
    return true;
}

void CrowdSim::stepStairs() {
    const double tNew = timeS_ + settings_.dtS;
    const auto& gates = nav_->gates();
    placedThisStep_.clear();
    for (size_t li = 0; li < lanes_.size(); ++li) {
        StairLane& lane = lanes_[li];
        const int s = static_cast<int>(li / 2);
        const Stair& st = building_.stairs[s];
        const bool forward = li % 2 == 0;
        const int destArea = forward ? st.toArea : st.fromArea;
        int landingGate = -1;
        for (int g : nav_->areaGates(destArea))
            if (gates[g].stair == s) landingGate = g;
        while (lane.head < lane.fifo.size()) {
            Agent& a = agents_[lane.fifo[lane.head]];
            if (tNew < a.stairReadyS) break;
            const Gate& lg = gates[landingGate];
            const Vec2 inward = nav_->innerPoint(landingGate, destArea, a.radiusM + 0.1) - lg.mid;
            bool placed = false;
            for (double f : {a.stairLateral, 0.5, 0.3, 0.7, 0.15, 0.85}) {
                const Vec2 p = lg.seg.a + (lg.seg.b - lg.seg.a) * f + inward;
                if (!landingFree(p, building_.areas[destArea].level, a.radiusM) || !fitsGeometry(p, destArea, kWallClearanceM))
                    continue;
                a.pathLengthM += st.lengthM + length(p - a.pos);
                a.pos = p;
                a.area = destArea;
                a.level = building_.areas[destArea].level;
                a.state = AgentState::Walking;
                a.stair = -1;
                a.lastGate = landingGate;
                a.nextGate = -1;
                a.chosenExit = -1;
                placed = true;
                break;
            }
            if (!placed) break;  // the landing is full: everyone behind waits on the stair
            const int idx = lane.fifo[lane.head];
            placedThisStep_.push_back(idx);
            replan(static_cast<size_t>(idx));
            --lane.onStair;
            ++lane.head;
        }
        if (lane.head > 256 && lane.head * 2 > lane.fifo.size()) {
            lane.fifo.erase(lane.fifo.begin(), lane.fifo.begin() + static_cast<std::ptrdiff_t>(lane.head));
            lane.head = 0;
        }
    }
}

void CrowdSim::countQueues() {
    std::fill(queue_.begin(), queue_.end(), 0);
    const auto& gates = nav_->gates();
    for (const Agent& a : agents_) {
        if (a.state != AgentState::Walking || a.external || a.nextGate < 0) continue;
        if (length(a.vel) >= 0.5 * a.desiredSpeedMps) continue;
        if (length(a.pos - gates[a.nextGate].mid) < settings_.queueRadiusM) ++queue_[a.nextGate];
    }
}

void CrowdSim::step() {
    // Pre-movement ends: people start walking (followers when their leader does).
    for (size_t i = 0; i < agents_.size(); ++i) {
        Agent& a = agents_[i];
        if (a.state != AgentState::Waiting) continue;
        bool go = timeS_ >= a.premovementS;
        if (a.leader >= 0) {
            const Agent& l = agents_[a.leader];
            go = l.external || l.state != AgentState::Waiting;
        }
        if (go) {
            a.state = AgentState::Walking;
            replan(i);
        }
    }
    active_.clear();
    for (size_t i = 0; i < agents_.size(); ++i) {
        prevExit_[i] = agents_[i].chosenExit;
        if (agents_[i].state == AgentState::Walking && !agents_[i].external) active_.push_back(static_cast<std::uint32_t>(i));
    }
    rebuildGrid();
    const std::uint64_t replanSteps = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::lround(settings_.replanIntervalS / settings_.dtS)));
    pool_->parallelFor(active_.size(), [&](size_t b, size_t e, unsigned) {
        for (size_t k = b; k < e; ++k) {
            const size_t i = active_[k];
            if ((stepIndex_ + i) % replanSteps == 0) replan(i);
            moveAgent(i);
        }
    });
    commit();
    stepStairs();
    timeS_ += settings_.dtS;
    ++stepIndex_;
    countQueues();
}

void CrowdSim::runUntil(double timeS) {
    int external = 0;
    for (const Agent& a : agents_) external += a.external ? 1 : 0;
    while (timeS_ + 0.5 * settings_.dtS < timeS && evacuated_ + external < static_cast<int>(agents_.size())) step();
}

}  // namespace cd::crowd
