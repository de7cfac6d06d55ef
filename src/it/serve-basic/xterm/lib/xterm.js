/* fixture stand-in for xterm@4.18.0 lib/xterm.js */
function Terminal() {}
