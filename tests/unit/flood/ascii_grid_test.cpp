// ESRI ASCII grids: both header conventions, NODATA, and errors that name line and field.
#include <gtest/gtest.h>

#include "flood/ascii_grid.h"

using namespace cd::flood;

TEST(AsciiGrid, ReadsCornerHeaderWithNorthRowFirst) {
    auto g = parseAsciiGrid("ncols 3\nnrows 2\nxllcorner 100\nyllcorner 200\ncellsize 5\n1 2 3\n4 5 6\n", "a.asc");
    ASSERT_TRUE(g.ok()) << g.error().str();
    EXPECT_EQ(g->ncols, 3);
    EXPECT_EQ(g->nrows, 2);
    EXPECT_DOUBLE_EQ(g->xllCornerM, 100.0);
    EXPECT_DOUBLE_EQ(g->at(0, 0), 4.0);  // row 0 is the south row: the last line of the file
    EXPECT_DOUBLE_EQ(g->at(2, 1), 3.0);
}

TEST(AsciiGrid, CenterHeaderIsShiftedByHalfACell) {
    auto g = parseAsciiGrid("NCOLS 2\nNROWS 1\nXLLCENTER 10\nYLLCENTER 20\nCELLSIZE 2\nNODATA_value -9999\n1 -9999\n", "b.asc");
    ASSERT_TRUE(g.ok()) << g.error().str();
    EXPECT_DOUBLE_EQ(g->xllCornerM, 9.0);
    EXPECT_DOUBLE_EQ(g->yllCornerM, 19.0);
    EXPECT_TRUE(g->isNodata(1, 0));
    EXPECT_FALSE(g->isNodata(0, 0));
}

TEST(AsciiGrid, MalformedHeaderNamesLineAndField) {
    auto g = parseAsciiGrid("ncols 3\nnrows two\n", "bad.asc");
    ASSERT_FALSE(g.ok());
    EXPECT_EQ(g.error().file, "bad.asc");
    EXPECT_EQ(g.error().line, 2);
    EXPECT_EQ(g.error().field, "nrows");
}

TEST(AsciiGrid, ShortRowIsReportedWithItsLine) {
    auto g = parseAsciiGrid("ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2 3\n4 5\n", "short.asc");
    ASSERT_FALSE(g.ok());
    EXPECT_EQ(g.error().line, 7);
    EXPECT_EQ(g.error().field, "ncols");
}

TEST(AsciiGrid, MissingCellsizeIsAnError) {
    auto g = parseAsciiGrid("ncols 1\nnrows 1\nxllcorner 0\nyllcorner 0\n1\n", "c.asc");
    ASSERT_FALSE(g.ok());
    EXPECT_EQ(g.error().field, "cellsize");
}

TEST(AsciiGrid, WritesWhatItReads) {
    auto g = parseAsciiGrid("ncols 2\nnrows 2\nxllcorner 1\nyllcorner 2\ncellsize 0.5\n1 2\n3 4\n", "d.asc");
    ASSERT_TRUE(g.ok());
    auto again = parseAsciiGrid(formatAsciiGrid(*g), "e.asc");
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->sameShapeAs(*g));
    EXPECT_EQ(again->values, g->values);
}
