// Hydrographs and hyetographs: linear between rows, exact integrals, errors with line numbers.
#include <gtest/gtest.h>

#include "flood/time_series.h"

using namespace cd::flood;

TEST(TimeSeries, InterpolatesLinearlyAndHoldsTheEnds) {
    auto s = parseTimeSeriesCsv("time_s,value\n0,0\n10,20\n20,0\n", "q.csv");
    ASSERT_TRUE(s.ok()) << s.error().str();
    EXPECT_DOUBLE_EQ(s->value(5), 10.0);
    EXPECT_DOUBLE_EQ(s->value(15), 10.0);
    EXPECT_DOUBLE_EQ(s->value(-3), 0.0);
    EXPECT_DOUBLE_EQ(s->value(99), 0.0);
}

TEST(TimeSeries, IntegralIsExactForTheTrapezoid) {
    auto s = TimeSeries::make({0, 10, 20}, {0, 20, 0});
    ASSERT_TRUE(s.ok());
    EXPECT_DOUBLE_EQ(s->integral(0, 20), 200.0);
    EXPECT_DOUBLE_EQ(s->integral(5, 15), 150.0);
    EXPECT_NEAR(s->integral(2.5, 7.5), 50.0, 1e-12);
}

TEST(TimeSeries, NonNumericValueNamesLineAndField) {
    auto s = parseTimeSeriesCsv("time_s,value\n0,1\n60,abc\n", "rain.csv");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().line, 3);
    EXPECT_EQ(s.error().field, "value");
}

TEST(TimeSeries, TimesMustIncrease) {
    auto s = parseTimeSeriesCsv("0,1\n10,2\n10,3\n", "q.csv");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().line, 3);
    EXPECT_EQ(s.error().field, "time_s");
}

TEST(TimeSeries, AValueOutsideItsRangeNamesLineAndField) {
    const SeriesRange discharge{0.0, 1e5, "m^3/s"};
    EXPECT_TRUE(parseTimeSeriesCsv("time_s,q\n0,0\n60,5\n", "q.csv", discharge).ok());
    auto s = parseTimeSeriesCsv("time_s,q\n0,0\n60,99999999999\n600,5\n", "q.csv", discharge);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().str(), "q.csv:3: value: must be in [0, 100000] m^3/s, not 99999999999");
    auto neg = parseTimeSeriesCsv("0,-1\n", "rain.csv", SeriesRange{0.0, 500.0, "mm/h"});
    ASSERT_FALSE(neg.ok());
    EXPECT_EQ(neg.error().line, 1);
    EXPECT_TRUE(parseTimeSeriesCsv("0,-3.5\n", "level.csv").ok()) << "a level has no range";
}
