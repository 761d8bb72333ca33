#include "scenario/lua_hooks.h"

#include <cstdlib>
#include <cstring>

#include <lua.hpp>

#include "core/files.h"

namespace cd::scenario {

struct LuaHooks::Impl {
    lua_State* L = nullptr;
    LuaLimits limits;
    std::string chunkName;
    std::size_t usedBytes = 0;
    long long budget = 0;
    bool disabled = false;
    std::vector<HazardCommand>* out = nullptr;

    ~Impl() {
        if (L) lua_close(L);
    }
};

namespace {

LuaHooks::Impl* implOf(lua_State* L) {
    return *static_cast<LuaHooks::Impl**>(lua_getextraspace(L));
}

void* cappedAlloc(void* ud, void* ptr, std::size_t osize, std::size_t nsize) {
    auto* impl = static_cast<LuaHooks::Impl*>(ud);
    std::size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        impl->usedBytes -= old;
        std::free(ptr);
        return nullptr;
    }
    if (impl->usedBytes - old + nsize > impl->limits.memoryBytes) return nullptr;  // Lua raises "not enough memory"
    void* p = std::realloc(ptr, nsize);
    if (p) impl->usedBytes = impl->usedBytes - old + nsize;
    return p;
}

void countHook(lua_State* L, lua_Debug* ar) {
    LuaHooks::Impl* impl = implOf(L);
    impl->budget -= 1000;
    if (impl->budget >= 0) return;
    // Level 0 inside a count hook is the running Lua function: name its line.
    lua_getinfo(L, "Sl", ar);
    luaL_error(L, "%s:%d: instruction budget of %I exceeded (endless loop?)", ar->short_src, ar->currentline,
               static_cast<lua_Integer>(impl->limits.instructionsPerCall));
}

int issue(lua_State* L, CommandKind kind, bool needsTarget) {
    HazardCommand c;
    c.kind = kind;
    if (needsTarget) {
        c.target = luaL_checkstring(L, 1);
        if (lua_gettop(L) >= 2) c.text = luaL_checkstring(L, 2);
    } else if (lua_gettop(L) >= 1) {
        c.text = luaL_checkstring(L, 1);
        if (lua_gettop(L) >= 2) c.textZh = luaL_checkstring(L, 2);
    }
    if (auto* out = implOf(L)->out) out->push_back(std::move(c));
    return 0;
}

int luaAlarm(lua_State* L) { return issue(L, CommandKind::Alarm, false); }
int luaMessage(lua_State* L) { return issue(L, CommandKind::Message, false); }
int luaEnd(lua_State* L) { return issue(L, CommandKind::End, false); }
int luaIgnite(lua_State* L) { return issue(L, CommandKind::Ignite, true); }
int luaOpenDoor(lua_State* L) { return issue(L, CommandKind::OpenDoor, true); }
int luaCloseDoor(lua_State* L) { return issue(L, CommandKind::CloseDoor, true); }
int luaOpenWindow(lua_State* L) { return issue(L, CommandKind::OpenWindow, true); }
int luaCloseWindow(lua_State* L) { return issue(L, CommandKind::CloseWindow, true); }

// "[string \"x.lua\"]:12: msg" or "x.lua:12: msg" -> Error{file, 12, field, msg}.
Error luaError(const std::string& chunkName, const std::string& what, const std::string& message) {
    std::string msg = message;
    int line = 0;
    std::string prefix = chunkName + ":";
    auto at = msg.find(prefix);
    if (at != std::string::npos) {
        std::size_t p = at + prefix.size();
        std::size_t q = p;
        while (q < msg.size() && msg[q] >= '0' && msg[q] <= '9') ++q;
        if (q > p) {
            line = std::atoi(msg.substr(p, q - p).c_str());
            msg = msg.substr(q + (q < msg.size() && msg[q] == ':' ? 1 : 0));
            while (!msg.empty() && msg[0] == ' ') msg.erase(0, 1);
        }
    }
    return makeError(msg, chunkName, line, what);
}

}  // namespace

LuaHooks::LuaHooks(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LuaHooks::~LuaHooks() = default;
bool LuaHooks::disabled() const { return impl_->disabled; }

Result<std::unique_ptr<LuaHooks>> LuaHooks::fromSource(const std::string& source, const std::string& chunkName,
                                                       const LuaLimits& limits) {
    auto impl = std::make_unique<Impl>();
    impl->limits = limits;
    impl->chunkName = chunkName;
    impl->L = lua_newstate(cappedAlloc, impl.get());
    if (!impl->L) return makeError("cannot create a Lua state", chunkName);
    lua_State* L = impl->L;
    *static_cast<Impl**>(lua_getextraspace(L)) = impl.get();

    // Only the safe libraries; base without the functions that reach files or load code.
    luaL_requiref(L, "_G", luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    lua_pop(L, 4);
    for (const char* name : {"dofile", "loadfile", "load", "require", "collectgarbage", "rawset", "rawget", "setmetatable", "getmetatable"}) {
        lua_pushnil(L);
        lua_setglobal(L, name);
    }
    static const luaL_Reg api[] = {{"alarm", luaAlarm}, {"message", luaMessage}, {"end_scenario", luaEnd},
                                   {"ignite", luaIgnite}, {"open_door", luaOpenDoor}, {"close_door", luaCloseDoor},
                                   {"open_window", luaOpenWindow}, {"close_window", luaCloseWindow}, {nullptr, nullptr}};
    luaL_newlib(L, api);
    lua_setglobal(L, "citydrill");
    lua_sethook(L, countHook, LUA_MASKCOUNT, 1000);

    impl->budget = limits.instructionsPerCall;
    // Text only ("t"): precompiled bytecode can crash the VM.
    if (luaL_loadbufferx(L, source.data(), source.size(), ("=" + chunkName).c_str(), "t") != LUA_OK ||
        lua_pcall(L, 0, 0, 0) != LUA_OK) {
        std::string msg = lua_tostring(L, -1) ? lua_tostring(L, -1) : "unknown Lua error";
        return luaError(chunkName, "(script)", msg);
    }
    return std::unique_ptr<LuaHooks>(new LuaHooks(std::move(impl)));
}

Result<std::unique_ptr<LuaHooks>> LuaHooks::load(const std::string& path, const LuaLimits& limits) {
    auto text = readTextFile(path);
    if (!text) return text.error();
    return fromSource(*text, path, limits);
}

namespace {
Status callHook(LuaHooks::Impl& impl, const char* name, int nargs, std::vector<HazardCommand>& out) {
    lua_State* L = impl.L;
    lua_getglobal(L, name);
    if (!lua_isfunction(L, -1)) {
        lua_pop(L, 1 + nargs);
        return Ok{};
    }
    lua_insert(L, -(nargs + 1));
    impl.budget = impl.limits.instructionsPerCall;
    impl.out = &out;
    int rc = lua_pcall(L, nargs, 0, 0);
    impl.out = nullptr;
    if (rc != LUA_OK) {
        std::string msg = lua_tostring(L, -1) ? lua_tostring(L, -1) : "unknown Lua error";
        lua_pop(L, 1);
        impl.disabled = true;
        return luaError(impl.chunkName, name, msg);
    }
    return Ok{};
}
}  // namespace

Status LuaHooks::onStart(std::vector<HazardCommand>& out) {
    if (impl_->disabled) return Ok{};
    return callHook(*impl_, "on_start", 0, out);
}

Status LuaHooks::onTick(double timeS, std::vector<HazardCommand>& out) {
    if (impl_->disabled) return Ok{};
    lua_pushnumber(impl_->L, timeS);
    return callHook(*impl_, "on_tick", 1, out);
}

Status LuaHooks::onEvent(const std::string& kind, const std::string& subject, double value, double timeS,
                         std::vector<HazardCommand>& out) {
    if (impl_->disabled) return Ok{};
    lua_State* L = impl_->L;
    if (!lua_checkstack(L, 4)) return makeError("Lua stack exhausted", impl_->chunkName);
    lua_pushlstring(L, kind.data(), kind.size());
    lua_pushlstring(L, subject.data(), subject.size());
    lua_pushnumber(L, value);
    lua_pushnumber(L, timeS);
    return callHook(*impl_, "on_event", 4, out);
}

}  // namespace cd::scenario
