# The person stage's first-name lexicon, generated at build time from Debian miscfiles'
# propernames list (public domain; package "miscfiles", see tools/setup-debian.sh) by
# tools/gen/first_names.cc. Debian ships the list gzip-compressed; it is unpacked into the build
# folder first. Included from pipeline/data/CMakeLists.txt.
find_file(ACCORD_PROPERNAMES NAMES propernames propernames.gz PATHS /usr/share/dict NO_DEFAULT_PATH)
if(NOT ACCORD_PROPERNAMES)
  message(FATAL_ERROR "people: /usr/share/dict/propernames(.gz) not found: install Debian's miscfiles")
endif()

set(people_gen_dir ${ACCORD_GENERATED_DIR}/people)
set(people_first_names ${people_gen_dir}/first_names.tsv)
set(people_names_txt ${people_gen_dir}/propernames.txt)
file(MAKE_DIRECTORY ${people_gen_dir})

if(ACCORD_PROPERNAMES MATCHES "\\.gz$")
  find_program(ACCORD_GZIP gzip REQUIRED)
  add_custom_command(
    OUTPUT ${people_names_txt}
    COMMAND ${ACCORD_GZIP} -dc ${ACCORD_PROPERNAMES} > ${people_names_txt}
    DEPENDS ${ACCORD_PROPERNAMES}
    COMMENT "Unpacking propernames for the first-name lexicon")
else()
  add_custom_command(
    OUTPUT ${people_names_txt}
    COMMAND ${CMAKE_COMMAND} -E copy ${ACCORD_PROPERNAMES} ${people_names_txt}
    DEPENDS ${ACCORD_PROPERNAMES})
endif()

add_custom_command(
  OUTPUT ${people_first_names}
  COMMAND accord_gen_first_names ${people_names_txt} ${people_first_names}
  DEPENDS accord_gen_first_names ${people_names_txt}
  COMMENT "Generating the first-name lexicon (generated/people/first_names.tsv)")
accord_data_files(${people_first_names})
