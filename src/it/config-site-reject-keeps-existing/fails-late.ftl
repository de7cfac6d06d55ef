<#-- Valid FreeMarker that fails only while rendering, after the first lines are produced. -->
# ${fileName}
<#list features as f>
<#list f.variables as v>
${v.line}
</#list>
</#list>
${no_such_variable}
