#include <gtest/gtest.h>

#include "scenario/lua_hooks.h"

using namespace cd::scenario;

TEST(LuaHooks, AScriptRaisesTheAlarmWhenAFireIsDetected) {
    auto hooks = LuaHooks::fromSource(R"(
fired = false
function on_event(kind, subject, value, t)
  if kind == "fire.detected" and not fired then
    fired = true
    citydrill.alarm("Evacuate now", "立即疏散")
    citydrill.close_door("B.1.door2")
  end
end
)", "hooks.lua");
    ASSERT_TRUE(hooks.ok()) << hooks.error().str();
    std::vector<HazardCommand> out;
    ASSERT_TRUE((*hooks)->onEvent("fire.ignite", "f1", 0.0, 3.0, out).ok());
    EXPECT_TRUE(out.empty());
    ASSERT_TRUE((*hooks)->onEvent("fire.detected", "r1", 0.0, 40.0, out).ok());
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].kind, CommandKind::Alarm);
    EXPECT_EQ(out[0].textZh, "立即疏散");
    EXPECT_EQ(out[1].kind, CommandKind::CloseDoor);
    EXPECT_EQ(out[1].target, "B.1.door2");
}

TEST(LuaHooks, AScriptOpensAWindowToVentTheSmokeAndShutsItAgain) {
    auto hooks = LuaHooks::fromSource(R"(
function on_tick(t)
  if t >= 60 and t < 61 then citydrill.open_window("A.0.classroom2.window1") end
  if t >= 90 and t < 91 then citydrill.close_window("A.0.classroom2.window1") end
end
)", "vent.lua");
    ASSERT_TRUE(hooks.ok()) << hooks.error().str();
    std::vector<HazardCommand> out;
    ASSERT_TRUE((*hooks)->onTick(30.0, out).ok());
    EXPECT_TRUE(out.empty());
    ASSERT_TRUE((*hooks)->onTick(60.5, out).ok());
    ASSERT_TRUE((*hooks)->onTick(90.5, out).ok());
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].kind, CommandKind::OpenWindow);
    EXPECT_EQ(out[0].target, "A.0.classroom2.window1");
    EXPECT_EQ(out[1].kind, CommandKind::CloseWindow);
    EXPECT_STREQ(toString(out[1].kind), "close_window");
}

TEST(LuaHooks, AnEndlessLoopIsStoppedWithItsFileAndLine) {
    auto hooks = LuaHooks::fromSource("function on_tick(t)\n  while true do end\nend\n", "loop.lua",
                                      LuaLimits{100000, 1u << 20});
    ASSERT_TRUE(hooks.ok());
    std::vector<HazardCommand> out;
    auto st = (*hooks)->onTick(1.0, out);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().file, "loop.lua");
    EXPECT_EQ(st.error().line, 2);
    EXPECT_NE(st.error().message.find("instruction budget"), std::string::npos) << st.error().str();
    EXPECT_TRUE((*hooks)->disabled());
    EXPECT_TRUE((*hooks)->onTick(2.0, out).ok()) << "a disabled hook is not called again";
}

TEST(LuaHooks, MemoryHogsAndFileAccessAreRefused) {
    auto hog = LuaHooks::fromSource("function on_tick(t)\n  local s = string.rep('x', 64 * 1024 * 1024)\nend\n",
                                    "hog.lua", LuaLimits{1000000, 4u << 20});
    ASSERT_TRUE(hog.ok());
    std::vector<HazardCommand> out;
    auto st = (*hog)->onTick(0.0, out);
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("memory"), std::string::npos) << st.error().str();

    auto io = LuaHooks::fromSource("local f = io.open('/etc/passwd')\n", "io.lua");
    ASSERT_FALSE(io.ok());
    EXPECT_EQ(io.error().line, 1);
    auto ld = LuaHooks::fromSource("function on_start()\n  load('return 1')()\nend\n", "load.lua");
    ASSERT_TRUE(ld.ok());
    EXPECT_FALSE((*ld)->onStart(out).ok());
}

TEST(LuaHooks, ASyntaxErrorNamesTheLine) {
    auto hooks = LuaHooks::fromSource("x = 1\nfunction on_tick(\n", "syntax.lua");
    ASSERT_FALSE(hooks.ok());
    EXPECT_EQ(hooks.error().file, "syntax.lua");
    EXPECT_EQ(hooks.error().line, 3);
}
