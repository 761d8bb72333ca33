// stb_image_write's implementation for district_preview (plan_image.cpp has district_gen's).
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>
