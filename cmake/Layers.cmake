# Each library exposes only its own folder as an include root, through a
# directory of its own under the build tree that holds a link to that folder
# and nothing else. A file that includes a layer its target does not link
# fails to compile, so the link graph is the include graph.
#
# smp_library(<target> FOLDER <path from the source root> SOURCES <files...>
#             [LINKS <PUBLIC|PRIVATE targets...>] [EXCLUDE <subfolders owned by other targets>])
function(smp_library target)
  cmake_parse_arguments(PARSE_ARGV 1 L "" "FOLDER" "SOURCES;LINKS;EXCLUDE")
  add_library(${target} STATIC ${L_SOURCES})
  smp_expose_folder(${target} ${L_FOLDER} EXCLUDE ${L_EXCLUDE})
  target_link_libraries(${target} ${L_LINKS} PRIVATE smp_warnings)
endfunction()

# smp_expose_folder(<target> <folder> [EXCLUDE <entries>]): the include root.
function(smp_expose_folder target folder)
  cmake_parse_arguments(PARSE_ARGV 2 E "" "" "EXCLUDE")
  set(root ${CMAKE_BINARY_DIR}/include/${target})
  set(source ${CMAKE_SOURCE_DIR}/${folder})
  if(E_EXCLUDE)
    # Link the folder's entries one by one, leaving out other targets' subfolders.
    file(MAKE_DIRECTORY ${root}/${folder})
    file(GLOB entries RELATIVE ${source} ${source}/*)
    foreach(entry IN LISTS entries)
      if(NOT entry IN_LIST E_EXCLUDE AND NOT EXISTS ${root}/${folder}/${entry})
        file(CREATE_LINK ${source}/${entry} ${root}/${folder}/${entry} SYMBOLIC)
      endif()
    endforeach()
  else()
    get_filename_component(parent ${root}/${folder} DIRECTORY)
    file(MAKE_DIRECTORY ${parent})
    if(NOT EXISTS ${root}/${folder})
      file(CREATE_LINK ${source} ${root}/${folder} SYMBOLIC)
    endif()
  endif()
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "INTERFACE_LIBRARY")
    target_include_directories(${target} INTERFACE ${root})
  else()
    target_include_directories(${target} PUBLIC ${root})
  endif()
endfunction()
