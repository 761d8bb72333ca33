# Helpers shared by every module, tool and test.

# Warnings for our own code only (third-party headers are included as SYSTEM).
function(cd_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-missing-field-initializers)
endfunction()

# cd_add_module(NAME cd_fire DEPS cd_core [PRIVATE_DEPS ...])
# A static library from src/*.cpp with public headers in include/.
function(cd_add_module)
  cmake_parse_arguments(M "" "NAME" "DEPS;PRIVATE_DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/*.cpp)
  if(NOT srcs)
    # Headers only (so far): an interface library, so dependants still configure.
    add_library(${M_NAME} INTERFACE)
    target_include_directories(${M_NAME} INTERFACE ${CMAKE_CURRENT_SOURCE_DIR}/include)
    target_link_libraries(${M_NAME} INTERFACE ${M_DEPS} ${M_PRIVATE_DEPS})
    return()
  endif()
  add_library(${M_NAME} STATIC ${srcs})
  target_include_directories(${M_NAME} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include
                                       PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_link_libraries(${M_NAME} PUBLIC ${M_DEPS} PRIVATE ${M_PRIVATE_DEPS})
  cd_warnings(${M_NAME})
endfunction()

# The tests' own code unoptimised, with line tables only: it drives the engine's libraries
# (built optimised), and optimising it with full debug information was two thirds of the
# build's compile time (CI has 2 cores and 20 minutes). A test whose own loops are its running
# time sets its file back to -O2 (set_source_files_properties ... COMPILE_OPTIONS -O2).
function(cd_test_options target)
  target_compile_options(${target} PRIVATE "$<$<CONFIG:RelWithDebInfo>:-O0;-g1>" "$<$<CONFIG:Release>:-O0>")
endfunction()

# cd_add_test(NAME test_core SOURCES a.cpp b.cpp DEPS cd_core [LABELS fast|slow] [TIMEOUT s])
# Tests labelled slow are left out of scripts/test; scripts/soak runs them.
# A GoogleTest executable registered with ctest, one ctest entry per test case.
function(cd_add_test)
  cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_DEPS} GTest::gtest GTest::gtest_main)
  cd_warnings(${T_NAME})
  cd_test_options(${T_NAME})
  if(TARGET cd_test_pch)
    target_precompile_headers(${T_NAME} REUSE_FROM cd_test_pch)
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  if(NOT T_LABELS)
    set(T_LABELS fast)
  endif()
  gtest_discover_tests(${T_NAME}
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    DISCOVERY_MODE PRE_TEST
    PROPERTIES TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}"
               ENVIRONMENT "CITYDRILL_SOURCE_DIR=${CMAKE_SOURCE_DIR}"
               ENVIRONMENT_MODIFICATION "CITYDRILL_BIN_DIR=set:${CMAKE_BINARY_DIR}/bin")
endfunction()
