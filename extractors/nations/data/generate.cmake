# The nation stage's country-name table, generated at build time from Debian's iso-codes
# (ISO 3166-1 and 3166-3, LGPL-2.1+; package "iso-codes") and ICU's CLDR English region names by
# tools/gen/nations_iso3166.cc. Included from pipeline/data/CMakeLists.txt.
find_file(ACCORD_ISO_3166_1 iso_3166-1.json PATHS /usr/share/iso-codes/json NO_DEFAULT_PATH)
find_file(ACCORD_ISO_3166_3 iso_3166-3.json PATHS /usr/share/iso-codes/json NO_DEFAULT_PATH)
if(NOT ACCORD_ISO_3166_1 OR NOT ACCORD_ISO_3166_3)
  message(FATAL_ERROR "nations: /usr/share/iso-codes/json/iso_3166-{1,3}.json not found: install Debian's iso-codes")
endif()

set(nations_gen_dir ${ACCORD_GENERATED_DIR}/nations)
set(nations_countries ${nations_gen_dir}/countries.tsv)
file(MAKE_DIRECTORY ${nations_gen_dir})
add_custom_command(
  OUTPUT ${nations_countries}
  COMMAND accord_gen_nations_iso3166 ${ACCORD_ISO_3166_1} ${ACCORD_ISO_3166_3} ${nations_countries}
  DEPENDS accord_gen_nations_iso3166 ${ACCORD_ISO_3166_1} ${ACCORD_ISO_3166_3}
  COMMENT "Generating the country-name table (generated/nations/countries.tsv)")
accord_data_files(${nations_countries})
