importScripts('python.js');
