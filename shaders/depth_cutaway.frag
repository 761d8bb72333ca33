#version 450
// Depth pre-pass while cutaway boxes are active: the static world inside them leaves no depth.
#include "common.glsl"
layout(location = 0) in vec3 vPos;
void main() {
    if (insideHidden(vPos)) discard;
}
