# The Markdown through a real GFM renderer (cmark-gfm), on the bundled ladders
# and the hostile one: real tables with the expected cell count, no raw HTML
# from the input. Skipped (exit 77) where cmark-gfm is not installed.
find_program(LADDERC_CMARK_GFM cmark-gfm)
if(NOT LADDERC_CMARK_GFM)
  set(LADDERC_CMARK_GFM "")
endif()
foreach(ladder sequence:ladders/sequence.yaml example:ladders/example/ladder.yaml hostile:tests/hostile/ladder.yaml
               disciplines:tests/ladders/disciplines.yaml)
  string(REPLACE ":" ";" parts ${ladder})
  list(GET parts 0 name)
  list(GET parts 1 path)
  add_test(NAME markdown-gfm/${name}
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/markdown_gfm.sh $<TARGET_FILE:ladderc> "${LADDERC_CMARK_GFM}"
            ${PROJECT_SOURCE_DIR}/${path})
  set_tests_properties(markdown-gfm/${name} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
endforeach()
