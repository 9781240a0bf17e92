process.stdout.write('constellation: not built yet\n');
