// The fused stage kernel of FloodModel: for one tile (kTileCells x kTileCells cells), primitive
// variables -> limited slopes (MUSCL, van Leer) -> hydrostatic-reconstruction HLL fluxes ->
// cell update, one row at a time through per-thread row buffers. Each face flux is computed by
// one formula whatever the tiling or thread split (a face on a tile edge is computed by both
// tiles, identically), and each cell writes only its own state, so results are bit-identical
// for any thread count and whether or not dry tiles are skipped.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "flood/flood_model.h"
#include "flood_numerics.h"
#include "flood_scratch.h"

namespace cd::flood {

using detail::FaceFlux;
using detail::hllFlux;
using detail::vanLeer;
using detail::velocityOf;
using detail::wallMomentumFlux;

namespace {

inline int ringSlot4(int r) { return (r + 8) & 3; }
inline int ringSlot2(int r) { return (r + 8) & 1; }

}  // namespace

// Fills prim row r (-1..ny) of the ring over columns [lo, hi) (clamped, ghosts included when
// the range reaches an edge). Rows -1 and ny and columns -1 and nx are ghost cells built from
// the side's boundary condition.
void FloodModel::primRow(int r, int lo, int hi, const double* hs, const double* qxs, const double* qys, Scratch& s) const {
    const int slot = ringSlot4(r);
    double* ph = s.ph[slot].data();
    double* pe = s.pe[slot].data();
    double* pu = s.pu[slot].data();
    double* pv = s.pv[slot].data();
    std::uint8_t* pc = s.pc[slot].data();
    const int srcRow = r < 0 ? 0 : (r >= ny_ ? ny_ - 1 : r);
    const int side = r < 0 ? static_cast<int>(Side::South) : (r >= ny_ ? static_cast<int>(Side::North) : -1);
    const double eps = setup_.thinFilmDepthM;
    lo = std::max(lo, 0);
    hi = std::min(hi, nx_);
    const size_t base = static_cast<size_t>(srcRow) * nx_;
    const BoundaryKind kind = side >= 0 ? setup_.boundaries[side].kind : BoundaryKind::Wall;
    const double level = side >= 0 ? boundaryLevel(side, stageTimeS_) : 0.0;
    for (int c = lo; c < hi; ++c) {
        const size_t k = base + c;
        const int i = c + 1;
        if (closed_[k]) {
            pc[i] = 1;
            ph[i] = 0.0;
            pe[i] = z_[k];
            pu[i] = pv[i] = 0.0;
            continue;
        }
        pc[i] = 0;
        const double h = hs[k];
        double u, v;
        velocityOf(h, qxs[k], qys[k], eps, u, v);
        ph[i] = h;
        pe[i] = h + z_[k];
        pu[i] = u;
        pv[i] = v;
        if (side >= 0) {
            if (kind == BoundaryKind::Wall) {
                pv[i] = -v;
            } else if (kind == BoundaryKind::Level) {
                const double eta = std::max(level, z_[k]);
                pe[i] = eta;
                ph[i] = eta - z_[k];
            }
        }
    }
    // Ghost columns from the west and east sides.
    for (int e = 0; e < 2; ++e) {
        const int c = e == 0 ? 0 : nx_ - 1;
        if (e == 0 ? lo > 0 : hi < nx_) continue;
        const int gi = e == 0 ? 0 : nx_ + 1;
        const int i = c + 1;
        const BoundarySpec& b = setup_.boundaries[e == 0 ? 0 : 1];
        pc[gi] = pc[i];
        ph[gi] = ph[i];
        pe[gi] = pe[i];
        pu[gi] = pu[i];
        pv[gi] = pv[i];
        if (pc[i]) continue;
        if (b.kind == BoundaryKind::Wall) {
            pu[gi] = -pu[i];
        } else if (b.kind == BoundaryKind::Level) {
            const double zc = pe[i] - ph[i];
            const double eta = std::max(boundaryLevel(e, stageTimeS_), zc);
            pe[gi] = eta;
            ph[gi] = eta - zc;
        }
    }
}

// One Heun stage over one tile.
//   which = 1: dst = src + dt L(src)                       (src = U0, dst = U1)
//   which = 2: dst = (base + src + dt L(src)) / 2, then rain, thin-film velocities, friction,
//              maximum depth and arrival time              (src = U1, base = dst = U0)
// The run of tiles [tx0, tx1) of tile row ty is swept as one block (no halo between them);
// dstWet[tile] says whether the tile holds water afterwards.
void FloodModel::tileStage(int which, double dt, int ty, int tx0, int tx1, Scratch& s, std::uint8_t* dstWet) {
    const double* hs = which == 1 ? h0_.data() : h1_.data();
    const double* qxs = which == 1 ? qx0_.data() : qx1_.data();
    const double* qys = which == 1 ? qy0_.data() : qy1_.data();
    double* hd = which == 1 ? h1_.data() : h0_.data();
    double* qxd = which == 1 ? qx1_.data() : qx0_.data();
    double* qyd = which == 1 ? qy1_.data() : qy0_.data();
    const double g = setup_.gravityMs2;
    const double lam = dt / dx_;
    const double eps = setup_.thinFilmDepthM;
    const int nx = nx_, ny = ny_;
    const int c0 = tx0 * kTileCells, c1 = std::min(nx, tx1 * kTileCells);
    const int b = ty * kTileCells, e = std::min(ny, b + kTileCells);
    const BoundarySpec& west = setup_.boundaries[0];
    const BoundarySpec& east = setup_.boundaries[1];
    const BoundarySpec& south = setup_.boundaries[2];
    const BoundarySpec& north = setup_.boundaries[3];
    const double* fk = frictionK_.empty() ? nullptr : frictionK_.data();
    double maxSx = s.maxSx, maxSy = s.maxSy;
    double speed = 0.0;
    FaceFlux ff{};
    // Prim columns [c0 - 2, c1 + 2) feed the slopes of cells [c0 - 1, c1 + 1), which feed the
    // faces [c0, c1] (primRow adds the ghost columns when the range reaches a side).
    const int plo = c0 - 2, phi = c1 + 2;

    auto computeYSlopes = [&](int r) {
        const int sm = ringSlot4(r - 1), s0 = ringSlot4(r), sp = ringSlot4(r + 1);
        const int ys = ringSlot2(r);
        double* sh = s.ysh[ys].data();
        double* se = s.yse[ys].data();
        double* su = s.ysu[ys].data();
        double* sv = s.ysv[ys].data();
        const double *hm = s.ph[sm].data(), *h0 = s.ph[s0].data(), *hp = s.ph[sp].data();
        const double *em = s.pe[sm].data(), *e0 = s.pe[s0].data(), *ep = s.pe[sp].data();
        const double *um = s.pu[sm].data(), *u0 = s.pu[s0].data(), *up = s.pu[sp].data();
        const double *vm = s.pv[sm].data(), *v0 = s.pv[s0].data(), *vp = s.pv[sp].data();
        const std::uint8_t *cm = s.pc[sm].data(), *c0p = s.pc[s0].data(), *cp = s.pc[sp].data();
        // A closed cell's slopes are never read (its faces use the open side's), and a dry
        // cell between dry cells feeds no flux (its faces are dry on both sides or walls
        // seeing zero depth) and no source term: zero, except on the first and last rows
        // where a level side reads the bed at the face.
        const bool edgeRow = r == 0 || r == ny - 1;
        for (int c = c0; c < c1; ++c) {
            const int i = c + 1;
            if ((cm[i] | c0p[i] | cp[i]) || (!edgeRow && h0[i] == 0.0 && hm[i] == 0.0 && hp[i] == 0.0)) {
                sh[c] = se[c] = su[c] = sv[c] = 0.0;
                continue;
            }
            sh[c] = vanLeer(h0[i] - hm[i], hp[i] - h0[i]);
            se[c] = vanLeer(e0[i] - em[i], ep[i] - e0[i]);
            su[c] = vanLeer(u0[i] - um[i], up[i] - u0[i]);
            sv[c] = vanLeer(v0[i] - vm[i], vp[i] - v0[i]);
        }
    };

    // y faces between rows f-1 and f (f in 0..ny), columns [c0, c1).
    auto computeYFaces = [&](int f) {
        const int gs = ringSlot2(f);
        double* GH = s.gH[gs].data();
        double* GL = s.gL[gs].data();
        double* GR = s.gR[gs].data();
        double* GT = s.gT[gs].data();
        std::fill(GH + c0, GH + c1, 0.0);
        std::fill(GL + c0, GL + c1, 0.0);
        std::fill(GR + c0, GR + c1, 0.0);
        std::fill(GT + c0, GT + c1, 0.0);
        if (f == 0 || f == ny) {
            // Boundary face: the interior cell's reconstructed face against the side's ghost.
            const bool isSouth = f == 0;
            const int r = isSouth ? 0 : ny - 1;
            const BoundarySpec& bs = isSouth ? south : north;
            const double half = isSouth ? -0.5 : 0.5;  // which face of the cell
            const int ps = ringSlot4(r), ys = ringSlot2(r);
            const double level = bs.kind == BoundaryKind::Level ? boundaryLevel(isSouth ? 2 : 3, stageTimeS_) : 0.0;
            double* bcol = isSouth ? boundarySouth_.data() : boundaryNorth_.data();
            for (int c = c0; c < c1; ++c) {
                const int i = c + 1;
                if (s.pc[ps][i]) continue;
                const double h = s.ph[ps][i] + half * s.ysh[ys][c];
                const double et = s.pe[ps][i] + half * s.yse[ys][c];
                const double un = s.pv[ps][i] + half * s.ysv[ys][c];
                const double ut = s.pu[ps][i] + half * s.ysu[ys][c];
                if (bs.kind == BoundaryKind::Wall) {
                    const double m = wallMomentumFlux(g, h, isSouth ? -un : un, speed);
                    if (isSouth) GR[c] = m; else GL[c] = m;
                    maxSy = std::max(maxSy, speed);
                    continue;
                }
                double gh = h, ge = et;
                if (bs.kind == BoundaryKind::Level) {
                    const double zf = et - h;
                    ge = std::max(level, zf);
                    gh = ge - zf;
                }
                if (isSouth) maxSy = std::max(maxSy, hllFlux(g, gh, ge, un, ut, h, et, un, ut, ff));
                else maxSy = std::max(maxSy, hllFlux(g, h, et, un, ut, gh, ge, un, ut, ff));
                GH[c] = ff.h;
                GL[c] = ff.mL;
                GR[c] = ff.mR;
                GT[c] = ff.t;
                bcol[c] += isSouth ? ff.h : -ff.h;  // positive = into the domain
            }
            return;
        }
        const int pl = ringSlot4(f - 1), pu = ringSlot4(f);
        const int yl = ringSlot2(f - 1), yu = ringSlot2(f);
        const double *hL = s.ph[pl].data(), *hU = s.ph[pu].data();
        const double *eL = s.pe[pl].data(), *eU = s.pe[pu].data();
        const double *uL = s.pu[pl].data(), *uU = s.pu[pu].data();
        const double *vL = s.pv[pl].data(), *vU = s.pv[pu].data();
        const std::uint8_t *cL = s.pc[pl].data(), *cU = s.pc[pu].data();
        const double *shL = s.ysh[yl].data(), *shU = s.ysh[yu].data();
        const double *seL = s.yse[yl].data(), *seU = s.yse[yu].data();
        const double *suL = s.ysu[yl].data(), *suU = s.ysu[yu].data();
        const double *svL = s.ysv[yl].data(), *svU = s.ysv[yu].data();
        for (int c = c0; c < c1; ++c) {
            const int i = c + 1;
            if (cL[i] | cU[i]) {
                if (cL[i] & cU[i]) continue;
                if (cU[i]) {  // wall above the lower cell
                    GL[c] = wallMomentumFlux(g, hL[i] + 0.5 * shL[c], vL[i] + 0.5 * svL[c], speed);
                } else {
                    GR[c] = wallMomentumFlux(g, hU[i] - 0.5 * shU[c], -(vU[i] - 0.5 * svU[c]), speed);
                }
                maxSy = std::max(maxSy, speed);
                continue;
            }
            if (hL[i] == 0.0 && hU[i] == 0.0) continue;  // dry on both sides: no flux at all
            const double sp = hllFlux(g, hL[i] + 0.5 * shL[c], eL[i] + 0.5 * seL[c], vL[i] + 0.5 * svL[c], uL[i] + 0.5 * suL[c],
                                      hU[i] - 0.5 * shU[c], eU[i] - 0.5 * seU[c], vU[i] - 0.5 * svU[c], uU[i] - 0.5 * suU[c], ff);
            maxSy = std::max(maxSy, sp);
            GH[c] = ff.h;
            GL[c] = ff.mL;
            GR[c] = ff.mR;
            GT[c] = ff.t;
        }
    };

    // Prime the rings for the first row of the tile.
    for (int r = std::max(b - 2, -1); r <= std::min(b + 1, ny); ++r) primRow(r, plo, phi, hs, qxs, qys, s);
    if (b - 1 >= 0) computeYSlopes(b - 1);
    computeYSlopes(b);
    computeYFaces(b);

    std::uint8_t* wetOut = dstWet + static_cast<size_t>(ty) * tilesX_;
    std::fill(wetOut + tx0, wetOut + tx1, 0);
    double clipped = 0.0;
    for (int j = b; j < e; ++j) {
        if (j + 2 <= ny) primRow(j + 2, plo, phi, hs, qxs, qys, s);
        if (j + 1 <= ny - 1) computeYSlopes(j + 1);
        const int p0 = ringSlot4(j);
        const double* ph = s.ph[p0].data();
        const double* pe = s.pe[p0].data();
        const double* pu = s.pu[p0].data();
        const double* pv = s.pv[p0].data();
        const std::uint8_t* pc = s.pc[p0].data();
        double* FH = s.fH.data();
        double* FL = s.fL.data();
        double* FR = s.fR.data();
        double* FT = s.fT.data();
        std::fill(FH + c0, FH + c1 + 1, 0.0);
        std::fill(FL + c0, FL + c1 + 1, 0.0);
        std::fill(FR + c0, FR + c1 + 1, 0.0);
        std::fill(FT + c0, FT + c1 + 1, 0.0);
        double* xsh = s.xsh.data();
        double* xse = s.xse.data();
        double* xsu = s.xsu.data();
        double* xsv = s.xsv.data();
        // x slopes for the cells touching faces [c0, c1].
        const int clo = std::max(0, c0 - 1), chi = std::min(nx, c1 + 1);
        for (int c = clo; c < chi; ++c) {
            const int i = c + 1;
            if ((pc[i - 1] | pc[i] | pc[i + 1]) ||
                (ph[i] == 0.0 && ph[i - 1] == 0.0 && ph[i + 1] == 0.0 && c != 0 && c != nx - 1)) {  // as for y
                xsh[c] = xse[c] = xsu[c] = xsv[c] = 0.0;
                continue;
            }
            xsh[c] = vanLeer(ph[i] - ph[i - 1], ph[i + 1] - ph[i]);
            xse[c] = vanLeer(pe[i] - pe[i - 1], pe[i + 1] - pe[i]);
            xsu[c] = vanLeer(pu[i] - pu[i - 1], pu[i + 1] - pu[i]);
            xsv[c] = vanLeer(pv[i] - pv[i - 1], pv[i + 1] - pv[i]);
        }
        for (int f = c0; f <= c1; ++f) {
            if (f == 0 || f == nx) {
                const bool isWest = f == 0;
                const int c = isWest ? 0 : nx - 1;
                const int i = c + 1;
                if (pc[i]) continue;
                const double half = isWest ? -0.5 : 0.5;
                const double h = ph[i] + half * xsh[c];
                const double et = pe[i] + half * xse[c];
                const double un = pu[i] + half * xsu[c];
                const double ut = pv[i] + half * xsv[c];
                const BoundarySpec& bs = isWest ? west : east;
                if (bs.kind == BoundaryKind::Wall) {
                    const double m = wallMomentumFlux(g, h, isWest ? -un : un, speed);
                    if (isWest) FR[f] = m; else FL[f] = m;
                    maxSx = std::max(maxSx, speed);
                    continue;
                }
                double gh = h, ge = et;
                if (bs.kind == BoundaryKind::Level) {
                    const double zf = et - h;
                    ge = std::max(boundaryLevel(isWest ? 0 : 1, stageTimeS_), zf);
                    gh = ge - zf;
                }
                if (isWest) maxSx = std::max(maxSx, hllFlux(g, gh, ge, un, ut, h, et, un, ut, ff));
                else maxSx = std::max(maxSx, hllFlux(g, h, et, un, ut, gh, ge, un, ut, ff));
                FH[f] = ff.h;
                FL[f] = ff.mL;
                FR[f] = ff.mR;
                FT[f] = ff.t;
                (isWest ? boundaryWest_ : boundaryEast_)[j] += isWest ? ff.h : -ff.h;
                continue;
            }
            const int il = f, ir = f + 1;  // prim indices of cells f-1 and f
            if (pc[il] | pc[ir]) {
                if (pc[il] & pc[ir]) continue;
                if (pc[ir]) {
                    FL[f] = wallMomentumFlux(g, ph[il] + 0.5 * xsh[f - 1], pu[il] + 0.5 * xsu[f - 1], speed);
                } else {
                    FR[f] = wallMomentumFlux(g, ph[ir] - 0.5 * xsh[f], -(pu[ir] - 0.5 * xsu[f]), speed);
                }
                maxSx = std::max(maxSx, speed);
                continue;
            }
            if (ph[il] == 0.0 && ph[ir] == 0.0) continue;
            const double sp = hllFlux(g, ph[il] + 0.5 * xsh[f - 1], pe[il] + 0.5 * xse[f - 1], pu[il] + 0.5 * xsu[f - 1],
                                      pv[il] + 0.5 * xsv[f - 1], ph[ir] - 0.5 * xsh[f], pe[ir] - 0.5 * xse[f],
                                      pu[ir] - 0.5 * xsu[f], pv[ir] - 0.5 * xsv[f], ff);
            maxSx = std::max(maxSx, sp);
            FH[f] = ff.h;
            FL[f] = ff.mL;
            FR[f] = ff.mR;
            FT[f] = ff.t;
        }
        // y faces above row j.
        computeYFaces(j + 1);

        // Update row j.
        const int gb = ringSlot2(j), ga = ringSlot2(j + 1);
        const double *GHb = s.gH[gb].data(), *GHa = s.gH[ga].data();
        const double *GRb = s.gR[gb].data(), *GLa = s.gL[ga].data();
        const double *GTb = s.gT[gb].data(), *GTa = s.gT[ga].data();
        const int ys = ringSlot2(j);
        const double *ysh = s.ysh[ys].data(), *yse = s.yse[ys].data();
        const size_t rowBase = static_cast<size_t>(j) * nx;
        for (int c = c0; c < c1; ++c) {
            const size_t k = rowBase + c;
            const int i = c + 1;
            if (pc[i]) continue;
            double h = hs[k], qx = qxs[k], qy = qys[k];
            if (h == 0.0 && FH[c] == 0.0 && FH[c + 1] == 0.0 && GHa[c] == 0.0 && GHb[c] == 0.0 && rainDepthM_ == 0.0 &&
                (which == 1 || hd[k] == 0.0)) {
                // Dry and no water comes in: the general update would give exactly zero.
                hd[k] = qxd[k] = qyd[k] = 0.0;
                continue;
            }
            const double scx = [&] {
                const double hp = ph[i] - 0.5 * xsh[c], hm = ph[i] + 0.5 * xsh[c];
                const double zp = (pe[i] - 0.5 * xse[c]) - hp, zm = (pe[i] + 0.5 * xse[c]) - hm;
                return -0.5 * g * (hp + hm) * (zm - zp);
            }();
            const double scy = [&] {
                const double hp = ph[i] - 0.5 * ysh[c], hm = ph[i] + 0.5 * ysh[c];
                const double zp = (pe[i] - 0.5 * yse[c]) - hp, zm = (pe[i] + 0.5 * yse[c]) - hm;
                return -0.5 * g * (hp + hm) * (zm - zp);
            }();
            h -= lam * ((FH[c + 1] - FH[c]) + (GHa[c] - GHb[c]));
            qx -= lam * ((FL[c + 1] - FR[c] - scx) + (GTa[c] - GTb[c]));
            qy -= lam * ((FT[c + 1] - FT[c]) + (GLa[c] - GRb[c] - scy));
            if (which == 2) {
                h = 0.5 * (hd[k] + h);
                qx = 0.5 * (qxd[k] + qx);
                qy = 0.5 * (qyd[k] + qy);
                h += rainDepthM_;
            }
            if (h <= 0.0) {
                if (h < 0.0) clipped -= h;
                h = 0.0;
                qx = qy = 0.0;
            } else {
                if (h < eps) {
                    double u, v;
                    velocityOf(h, qx, qy, eps, u, v);
                    qx = h * u;
                    qy = h * v;
                }
                if (which == 2) {
                    const double f = detail::frictionFactor(dt, fk ? fk[k] : frictionK0_, h, qx, qy);
                    qx *= f;
                    qy *= f;
                }
                wetOut[c / kTileCells] = 1;
            }
            hd[k] = h;
            qxd[k] = qx;
            qyd[k] = qy;
            if (which == 2 && h > 0.0) {
                if (h > maxDepth_[k]) maxDepth_[k] = h;
                if (arrival_[k] < 0.0 && h > setup_.arrivalDepthM) arrival_[k] = stageTimeS_;
            }
        }
    }
    clipTile_[static_cast<size_t>(ty) * tilesX_ + tx0] += (which == 1 ? 0.5 : 1.0) * clipped;  // the predictor enters the average by half
    s.maxSx = maxSx;
    s.maxSy = maxSy;
}

}  // namespace cd::flood
