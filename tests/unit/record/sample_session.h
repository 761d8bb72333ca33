#pragma once
// A hand-made session shared by the record, score and report tests: a school fire drill
// in which the trainee pulls the alarm, walks a corridor, takes stair B and reaches the
// assembly point. Times are round so expected scores can be worked out by hand.
#include "record/session_log.h"

namespace cd::testdata {

inline record::SessionLog sampleSession() {
    using namespace cd::record;
    SessionLog log;
    log.meta.sessionId = "2026-11-29T02-00-00Z-42";
    log.meta.scenarioId = "school_fire";
    log.meta.scenarioTitle = "School fire: science lab";
    log.meta.scenarioPath = "scenes/school_fire/scenario.toml";
    log.meta.seed = 42;
    log.meta.startedAtUtc = "2026-11-29T02:00:00Z";
    log.meta.citydrillVersion = "0.1.0";
    log.meta.traineeName = "Alex Chen";
    log.meta.traineeRole = "student";
    log.meta.input = "bot:scenes/school_fire/bot.toml";
    log.meta.tickS = 1.0 / 60.0;
    log.meta.durationS = 200.0;

    log.events = {
        {0.0, "scenario.start", "", 0.0, "drill begins"},
        {5.0, "fire.ignite", "lab_fire", 250.0, "bench fire in the science lab"},
        {30.0, "alarm.sound", "", 0.0, "fire alarm sounding"},
        {40.0, "door.open", "d_class_corr", 0.0, "classroom door opened"},
        {40.0, "trainee.enter_room", "corridor", 0.0, ""},
        {70.0, "trainee.enter_room", "stair_b", 0.0, ""},
        {100.0, "trainee.left_building", "exit_south", 0.0, "left by the south exit"},
        {150.0, "trainee.reached_assembly", "assembly_field", 0.0, "at the sports field"},
        {200.0, "scenario.end", "", 0.0, ""},
    };
    log.actions = {
        {20.0, "trainee", ActionKind::PullAlarm, "cp_1", 2.0, 3.0, 0.0, 0.0, ""},
        {40.0, "trainee", ActionKind::OpenDoor, "d_class_corr", 5.0, 3.0, 0.0, 0.0, ""},
        {45.0, "trainee", ActionKind::CloseDoor, "d_class_corr", 6.0, 3.0, 0.0, 0.0, ""},
        {60.0, "trainee", ActionKind::Move, "stair_b", 20.0, 3.0, 0.0, 0.0, "waypoint"},
        {90.0, "trainee", ActionKind::Report, "", 25.0, -5.0, 0.0, 0.0, "everyone out of room 12"},
    };
    // Poses every 10 s: classroom (0-39), corridor (40-69), stair B (70-99), outside after.
    for (int i = 0; i <= 20; ++i) {
        PoseSample p;
        p.timeS = i * 10.0;
        p.x = i * 2.0;
        p.y = 3.0;
        p.z = 0.0;
        p.yawDeg = 90.0;
        p.room = i < 4 ? "classroom_12" : (i < 7 ? "corridor" : (i < 10 ? "stair_b" : "outside"));
        p.fed = 0.005 * i;  // peaks at 0.1 at 200 s
        p.visibilityM = 30.0;
        p.temperatureC = 21.0;
        log.poses.push_back(p);
    }
    for (int i = 1; i <= 4; ++i) log.hashes.push_back({i * 3000, i * 50.0, 0x9e3779b97f4a7c15ULL * static_cast<unsigned>(i)});
    return log;
}

}  // namespace cd::testdata
