#version 450
#include "common.glsl"
layout(location = 0) in vec3 inPos;
void main() { gl_Position = frame.sunViewProj * vec4(inPos, 1.0); }
