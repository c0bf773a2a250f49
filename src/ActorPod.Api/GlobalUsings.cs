// The project uses the plain SDK with the ASP.NET Core framework reference, so web implicit usings are not on.
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
