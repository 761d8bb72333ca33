#pragma once
// What the session itself says to the trainee (HUD messages), in English and Chinese.
#include <string>

namespace cd::app {

struct SessionText {
    const char* en;
    const char* zh;
};

namespace say {
inline constexpr SessionText kRaisedAlarm{"You raised the alarm.", "你已拉响警报。"};
inline constexpr SessionText kNobodyToLead{"There is nobody here to lead.", "这里没有可以带领的人。"};
inline constexpr SessionText kToxicSmoke{"You are breathing toxic smoke. Get low and get out.", "你正在吸入有毒烟气。压低身体，尽快离开。"};
inline constexpr SessionText kOvercome{"You have been overcome by smoke.", "你已被烟气熏倒。"};
inline constexpr SessionText kReachedAssembly{"You reached the assembly point.", "你已到达集合点。"};
inline constexpr SessionText kHeatDose{"The heat is getting to you: get away from the flames and out of the hot gas.", "高温正在伤害你：远离火焰，离开高温烟气。"};
inline constexpr SessionText kOvercomeByHeat{"You have been overcome by the heat.", "你已被高温击倒。"};
inline constexpr SessionText kNeedHose{"Gas cooling needs a hose line.", "气体冷却需要水带水枪。"};
inline constexpr SessionText kGasCooling{"Fog pulse into the hot layer: turned to steam ", "向热烟层喷射水雾脉冲：汽化比例 "};
inline constexpr SessionText kLayerNotHot{"The layer is not hot enough to turn the water to steam: it only wets the ceiling.", "烟层温度不足以使水汽化：水只打湿了天花板。"};
inline constexpr SessionText kBaWhistle{"Low-pressure whistle: your air is running out. Withdraw now.", "低压报警哨响：空气即将用完，立即撤出。"};
inline constexpr SessionText kBaEmpty{"Your breathing apparatus is empty: you are breathing the smoke.", "呼吸器气瓶已空：你正在吸入烟气。"};
inline constexpr SessionText kFloodWater{"You are in dangerous flood water. Get to higher ground.", "你正处在危险的洪水中。请到高处去。"};
inline constexpr SessionText kSwept{"The water has swept you off your feet.", "洪水把你冲倒了。"};
inline constexpr SessionText kStruck{"Falling debris has struck you.", "你被坠落的碎块砸中了。"};
inline constexpr SessionText kHurt{"Falling debris has hit you: you are hurt, but you can walk. Get away from what is falling.", "你被坠落的碎块击中受伤，但还能行走。远离坠落物。"};
inline constexpr SessionText kDebrisBlocks{"Debris blocks the door ", "碎块堵住了门 "};
inline constexpr SessionText kEarthquake{"EARTHQUAKE! Drop, cover and hold on.", "地震！趴下、掩护、抓牢。"};
inline constexpr SessionText kAftershock{"AFTERSHOCK! Drop, cover and hold on; rescuers, get clear of the debris.", "余震！趴下、掩护、抓牢；救援人员远离碎块。"};
inline constexpr SessionText kCannotGetThrough{"You cannot get through this way.", "这条路走不通。"};
inline constexpr SessionText kShakingStopped{"The shaking has stopped.", "摇晃已经停止。"};
inline constexpr SessionText kRecordingFailed{"Recording failed: ", "记录失败："};
inline constexpr SessionText kScriptStopped{"Scenario script stopped: ", "场景脚本已停止："};
inline constexpr SessionText kFollowYou{" people follow you.", " 人跟随你。"};
inline constexpr SessionText kDirectedTo{" people sent to ", " 人被引导到 "};
inline constexpr SessionText kRescueStart{"You start lifting the debris off ", "你开始搬开压在伤员身上的碎块："};
inline constexpr SessionText kPieceLifted{"Debris lifted away: ", "已搬走碎块："};
inline constexpr SessionText kTooHeavy{"Too heavy to move without more hands or lifting equipment: ", "太重，需要更多人手或起重设备："};
inline constexpr SessionText kRescueStopped{"Rescue stopped: ", "救援中止："};
inline constexpr SessionText kCannotRescue{"You cannot start the rescue: ", "无法开始救援："};
inline constexpr SessionText kCasualtyFree{"The casualty is free: ", "伤员已脱困："};
inline constexpr SessionText kThrownDown{"The shaking throws you to the floor: crawl, or hold on where you are.", "剧烈摇晃把你摔倒在地：爬行，或就地抓牢。"};
inline constexpr SessionText kUnderDesk{"Under the desk: hold on to a leg until the shaking stops.", "在课桌下：抓住桌腿，直到摇晃停止。"};
inline constexpr SessionText kNoDeskNear{"No free desk within reach: cover your head and neck where you are.", "附近没有空课桌：就地护住头和颈部。"};
inline constexpr SessionText kDeskOver{"The desk went over: cover your head and neck.", "课桌翻倒了：护住头和颈部。"};
inline constexpr SessionText kCannotStand{"You cannot stand while the ground shakes this hard.", "地面摇晃太剧烈，无法站起。"};
inline constexpr SessionText kLiftingPiece{"Lifting piece ", "搬开碎块 "};
inline constexpr SessionText kOpenDoorKey{"E: open the door (or walk into it)", "E：开门（或直接推门走过去）"};
inline constexpr SessionText kCloseDoorKey{"E: close the door", "E：关门"};
inline constexpr SessionText kOpenWindowKey{"E: open the window", "E：开窗"};
inline constexpr SessionText kCloseWindowKey{"E: close the window", "E：关窗"};
inline constexpr SessionText kDoorOutOfReach{"That door is out of reach: go to it first.", "够不着那扇门：请先走过去。"};
inline constexpr SessionText kWindowOutOfReach{"That window is out of reach: go to it first.", "够不着那扇窗：请先走过去。"};
inline constexpr SessionText kAgentOn{"You turn the extinguisher on the fire: ", "你把灭火器对准火焰："};
inline constexpr SessionText kTooHot{"The heat of the flames is too much this close: back away.", "离火太近，热辐射难以忍受：请后退。"};
inline constexpr SessionText kExtinguisherEmpty{"That extinguisher is empty: ", "这具灭火器已经用空："};
inline constexpr SessionText kNoExtinguisher{"You have no extinguisher.", "你没有灭火器。"};
inline constexpr SessionText kNoFireHere{"No fire burns in this room.", "这个房间里没有火。"};
inline constexpr SessionText kCannotUseAgent{"You cannot use the extinguisher: ", "无法使用灭火器："};
inline constexpr SessionText kFireSpread{"The fire has spread to: ", "火势已蔓延到："};
inline constexpr SessionText kWindowCracked{"A window has cracked in the heat: it will soon give way.", "窗玻璃受热开裂：很快会破碎脱落。"};
inline constexpr SessionText kExternalFlames{"Flames are coming out of a window: the floors above are at risk.", "火焰从窗口窜出：上面的楼层有危险。"};
inline constexpr SessionText kReignited{"A fire you put out has caught again: ", "已扑灭的火又复燃了："};
inline constexpr SessionText kItemWetted{"The sprinkler's water kept this from catching fire: ", "喷淋的水使其没有起火："};
inline constexpr SessionText kSprinklerOpened{"A sprinkler has opened: its water is holding the fire down.", "喷淋头已启动：水正在压制火势。"};
inline constexpr SessionText kWindowBroke{"A window has broken in the heat: the fire is getting air.", "窗户受热破裂：火得到了更多空气。"};
inline constexpr SessionText kOneFireOut{"That fire is out, but fire still burns: ", "这处火已扑灭，但仍有火在燃烧："};
inline constexpr SessionText kFireOut{"The fire is out. Check it does not rekindle, and report it.", "火已扑灭。确认没有复燃，并报告。"};
inline constexpr SessionText kFlareUp{"Water on burning oil: the fire flares up! Use a wet-chemical extinguisher or a fire blanket.",
                                      "水浇在燃烧的油上：火势猛然蹿起！请使用湿化学灭火器或灭火毯。"};
inline constexpr SessionText kShockHazard{"Water on live electrical equipment: danger of electric shock! Use CO2 or powder.",
                                          "水浇在带电设备上：有触电危险！请使用二氧化碳或干粉灭火器。"};
inline constexpr SessionText kAgentNoUse{"The extinguisher does not reach or does not work on this fire.", "灭火器够不着或对这种火无效。"};
/// The agent as the HUD names it ("wet chemical", 湿化学); an unknown id as it is (the result
/// then points into `agent`: use it while that lives).
SessionText agentName(const std::string& agent);
inline constexpr SessionText kUseExtinguisherKey{"X: ", "X："};
inline constexpr SessionText kOnTheFire{" on the fire, ", "灭火，距离"};
inline constexpr SessionText kReaches{" m away; it reaches ", " 米；射程 "};
inline constexpr SessionText kMetres{" m", " 米"};
/// The agents' names (session_extinguisher.cpp), here for the HUD font's glyphs.
inline constexpr SessionText kAgentNames{"", "水泡沫二氧化碳干粉湿化学水枪"};
inline constexpr SessionText kAll[] = {kTooHot, kUseExtinguisherKey, kOnTheFire, kReaches, kMetres, kAgentNames, kExtinguisherEmpty, kAgentOn, kNoExtinguisher, kNoFireHere, kCannotUseAgent, kFireSpread, kWindowCracked, kItemWetted, kSprinklerOpened, kWindowBroke, kExternalFlames, kReignited, kOneFireOut, kFireOut, kFlareUp, kShockHazard, kAgentNoUse, kThrownDown, kUnderDesk, kNoDeskNear, kDeskOver, kCannotStand, kLiftingPiece, kOpenDoorKey, kCloseDoorKey, kOpenWindowKey, kCloseWindowKey, kDoorOutOfReach, kWindowOutOfReach, kRescueStart, kPieceLifted, kTooHeavy, kRescueStopped, kCannotRescue, kCasualtyFree, kFollowYou, kDirectedTo, kRaisedAlarm, kNobodyToLead, kToxicSmoke, kOvercome, kOvercomeByHeat, kReachedAssembly, kHeatDose, kNeedHose, kGasCooling, kLayerNotHot, kBaWhistle, kBaEmpty, kFloodWater,
                                       kSwept, kStruck, kHurt, kDebrisBlocks, kEarthquake, kAftershock, kShakingStopped, kCannotGetThrough, kRecordingFailed,
                                       kScriptStopped};
}  // namespace say

/// Every Chinese message above, for the HUD font's glyphs.
inline std::string sessionTextZh() {
    std::string s;
    for (const SessionText& t : say::kAll) s += t.zh;
    return s;
}

}  // namespace cd::app
