#pragma once
// Per-thread row buffers of the fused stage kernel: the rows of primitive variables, limited
// slopes and face fluxes that one sweep over a band of rows needs. They stay in cache, so a
// stage reads each state array once and writes each once.
#include <cstdint>
#include <vector>

#include "flood/flood_model.h"

namespace cd::flood {

struct FloodModel::Scratch {
    explicit Scratch(int nx) {
        const size_t w = static_cast<size_t>(nx) + 2;
        for (int r = 0; r < 4; ++r) {
            ph[r].assign(w, 0.0); pe[r].assign(w, 0.0); pu[r].assign(w, 0.0); pv[r].assign(w, 0.0);
            pc[r].assign(w, 1);
        }
        for (int r = 0; r < 2; ++r) {
            ysh[r].assign(nx, 0.0); yse[r].assign(nx, 0.0); ysu[r].assign(nx, 0.0); ysv[r].assign(nx, 0.0);
            gH[r].assign(nx, 0.0); gL[r].assign(nx, 0.0); gR[r].assign(nx, 0.0); gT[r].assign(nx, 0.0);
        }
        xsh.assign(nx, 0.0); xse.assign(nx, 0.0); xsu.assign(nx, 0.0); xsv.assign(nx, 0.0);
        fH.assign(nx + 1, 0.0); fL.assign(nx + 1, 0.0); fR.assign(nx + 1, 0.0); fT.assign(nx + 1, 0.0);
    }
    // Primitive rows (depth, surface level, u, v, closed flag), ring of 4, column c at index c + 1.
    std::vector<double> ph[4], pe[4], pu[4], pv[4];
    std::vector<std::uint8_t> pc[4];
    // y slopes (per cell, as differences), ring of 2.
    std::vector<double> ysh[2], yse[2], ysu[2], ysv[2];
    // x slopes of the current row.
    std::vector<double> xsh, xse, xsu, xsv;
    // x-face fluxes of the current row (face f between cells f-1 and f).
    std::vector<double> fH, fL, fR, fT;
    // y-face fluxes, ring of 2 (face f between rows f-1 and f, slot f & 1).
    std::vector<double> gH[2], gL[2], gR[2], gT[2];
    double maxSx = 0.0, maxSy = 0.0;
};

}  // namespace cd::flood
