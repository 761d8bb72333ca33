#pragma once
// The shipped school campus, loaded once per test binary (tests run from the repository root).
#include <gtest/gtest.h>

#include "world/district.h"

namespace cd::testdata {

inline const world::District& campus() {
    static world::District d = [] {
        auto r = world::loadDistrict("assets/districts/school_campus/school_campus.json");
        EXPECT_TRUE(r.ok()) << r.error().str();
        return r.ok() ? *r : world::District{};
    }();
    return d;
}

}  // namespace cd::testdata
