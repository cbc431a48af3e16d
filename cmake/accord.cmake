# accord_module(NAME DEPS dep...) : a static library from the *.cc files of the current folder
# (tests and fuzz targets live in tests/). Every module links accord_core.
function(accord_module name)
  cmake_parse_arguments(M "" "" "DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  set(scope PUBLIC)
  if(srcs)
    add_library(${name} STATIC ${srcs})
  else()
    add_library(${name} INTERFACE)  # a module whose code is not written yet
    set(scope INTERFACE)
  endif()
  target_include_directories(${name} ${scope} ${PROJECT_SOURCE_DIR})
  if(NOT name STREQUAL "accord_core")
    target_link_libraries(${name} ${scope} accord_core)
  endif()
  target_link_libraries(${name} ${scope} ${M_DEPS})
  set_property(GLOBAL APPEND PROPERTY ACCORD_MODULES ${name})
endfunction()

# accord_data_files(file...) : data tables to embed in the binary (see pipeline/data/embedded.h).
# Paths are absolute or relative to the calling folder; the embedded name is the path relative
# to the project root (for generated files: relative to the build root).
function(accord_data_files)
  foreach(f ${ARGN})
    get_filename_component(abs ${f} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    set_property(GLOBAL APPEND PROPERTY ACCORD_DATA_FILES ${abs})
  endforeach()
endfunction()
